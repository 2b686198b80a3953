namespace Platform.Records.Writing;

/// <summary>The owner a create gives its record instead of the actor (a user's active account and business unit).</summary>
public sealed record RecordOwner(Guid UserId, string? BusinessUnit);
