namespace Platform.Messaging.Notifications;

/// <summary>An in-app notification to send to one user.</summary>
/// <param name="Link">What it is about, for the client to open (an entity and a record id).</param>
/// <param name="IdempotencyKey">Sending again with the same key answers the first notification's id instead of a second one.</param>
public sealed record Notification(Guid RecipientId, string Title, string? Body = null, NotificationLink? Link = null, string? IdempotencyKey = null);

public sealed record NotificationLink(string Entity, Guid RecordId);
