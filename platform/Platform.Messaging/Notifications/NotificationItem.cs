namespace Platform.Messaging.Notifications;

/// <summary>A stored notification as its recipient reads it.</summary>
public sealed record NotificationItem(Guid Id, Guid RecipientId, string Title, string? Body, NotificationLink? Link, DateTime CreatedAt, DateTime? ReadAt);
