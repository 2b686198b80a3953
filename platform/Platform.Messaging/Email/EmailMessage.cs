namespace Platform.Messaging.Email;

/// <summary>An email to queue. At least one recipient and a body (HTML, text or both).</summary>
/// <param name="IdempotencyKey">
/// The caller's key for this message (e.g. workflow instance + step): enqueueing again with the same key returns the
/// first message's id instead of queueing a second one. Null: every enqueue is a new message.
/// </param>
public sealed record EmailMessage(
    IReadOnlyList<string> To,
    string Subject,
    string? HtmlBody = null,
    string? TextBody = null,
    IReadOnlyList<string>? Cc = null,
    string? IdempotencyKey = null);
