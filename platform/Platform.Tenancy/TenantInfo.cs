using Platform.Storage.Providers;

namespace Platform.Tenancy;

public enum TenantStatus { Active, Suspended }

/// <summary>A catalog entry: a tenant and where its database lives.</summary>
public sealed record TenantInfo(string Id, TenantDatabase Database, TenantStatus Status, DateTime CreatedAt);
