namespace Platform.Messaging.Email;

/// <summary>A row of the email outbox as the sender and the status readers see it.</summary>
public sealed record QueuedEmail(
    Guid Id,
    string IdempotencyKey,
    DateTime CreatedAt,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string? HtmlBody,
    string? TextBody,
    string Status,
    int Attempts,
    DateTime NextAttemptAt,
    string? LastError,
    DateTime? SentAt);
