using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Messaging;

/// <summary>
/// Each tenant's email outbox (written in the caller's transaction, delivered by a background service with retries)
/// and its in-app notifications.
/// </summary>
public sealed class MessagingTables : IPlatformTables
{
    public const string EmailOutbox = "platform_email_outbox";
    public const string Notifications = "platform_notifications";

    public static MessagingTables Instance { get; } = new();

    public static TableModel Email { get; } = new(EmailOutbox,
    [
        new("id", ValueKind.Guid, typeof(Guid), false),
        // The caller's key for this message: a retried enqueue with the same key does not queue it twice.
        new("idempotency_key", ValueKind.String, typeof(string), false, MaxLength: 200),
        new("created_at", ValueKind.DateTime, typeof(DateTime), false),
        // JSON arrays of addresses.
        new("to_addresses", ValueKind.String, typeof(string), false),
        new("cc_addresses", ValueKind.String, typeof(string), false),
        new("subject", ValueKind.String, typeof(string), false, MaxLength: 1000),
        new("html_body", ValueKind.String, typeof(string), true),
        new("text_body", ValueKind.String, typeof(string), true),
        // queued → sending → sent | failed (see EmailStatus).
        new("status", ValueKind.String, typeof(string), false, MaxLength: 20),
        // Delivery tries so far, the successful one included.
        new("attempts", ValueKind.Integer, typeof(long), false),
        new("next_attempt_at", ValueKind.DateTime, typeof(DateTime), false),
        // A sender's lease: another host does not take the message before it runs out (nor after a crash, until then).
        new("claimed_until", ValueKind.DateTime, typeof(DateTime), true),
        new("last_error", ValueKind.String, typeof(string), true),
        new("sent_at", ValueKind.DateTime, typeof(DateTime), true),
    ], ["id"],
    [
        new IndexModel("ux_platform_email_outbox_key", ["idempotency_key"], true),
        // The claim's scan: due messages of a status, oldest first.
        new IndexModel("ix_platform_email_outbox_due", ["status", "next_attempt_at"], false),
    ], []);

    public static TableModel Notification { get; } = new(Notifications,
    [
        new("id", ValueKind.Guid, typeof(Guid), false),
        new("recipient_id", ValueKind.Guid, typeof(Guid), false),
        new("title", ValueKind.String, typeof(string), false, MaxLength: 500),
        new("body", ValueKind.String, typeof(string), true),
        // What the notification is about, for the client's link: an entity name and a record id.
        new("link_entity", ValueKind.String, typeof(string), true, MaxLength: 100),
        new("link_record_id", ValueKind.Guid, typeof(Guid), true),
        new("created_at", ValueKind.DateTime, typeof(DateTime), false),
        new("read_at", ValueKind.DateTime, typeof(DateTime), true),
        // Optional: a retried sender with the same key does not notify twice.
        new("idempotency_key", ValueKind.String, typeof(string), true, MaxLength: 200),
    ], ["id"],
    [
        new IndexModel("ix_platform_notifications_recipient", ["recipient_id", "read_at", "created_at"], false),
        new IndexModel("ux_platform_notifications_key", ["idempotency_key"], true),
    ], []);

    public IReadOnlyList<TableModel> Tables { get; } = [Email, Notification];
}
