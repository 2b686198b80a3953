namespace Platform.Identity.ApiKeys;

/// <summary>An API key as it may be listed: never the secret or its hash.</summary>
public sealed record ApiKeyInfo(Guid Id, Guid UserId, string Name, string Prefix, DateTime CreatedAt, DateTime? RevokedAt);
