using Platform.Identity.Users;
using Platform.Records;
using Platform.Records.Auditing;
using Platform.Records.Security;
using Platform.Records.Validation;
using Platform.Runtime;

namespace Platform.Identity.ApiKeys;

/// <summary>Creates, lists, revokes and checks API keys; a key acts as the user who owns it.</summary>
public sealed class ApiKeyService(UserDirectory directory, IAuditLog audit)
{
    /// <returns>The key's listing and its secret, which is shown this once and never again.</returns>
    public async Task<(ApiKeyInfo Key, string Secret)> CreateAsync(TenantRuntime runtime, Guid ownerId, string? name, RecordActor actor, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            throw new RecordValidationException([new FieldError("/name", "A key needs a name of 1-200 characters (what uses it).")]);
        var secret = ApiKeySecret.Generate();
        var key = new ApiKeyInfo(Guid.CreateVersion7(), ownerId, name, ApiKeySecret.Prefix(secret), DateTime.UtcNow, null);
        await ApiKeyStore.InsertAsync(runtime.Tenant.Database, key, ApiKeySecret.Hash(secret), ct);
        await audit.WriteAsync(runtime, new AuditEvent("api-key-created", actor, "api_key", key.Id,
            new Dictionary<string, object?> { ["name"] = name, ["owner"] = ownerId }), ct);
        return (key, secret);
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(TenantRuntime runtime, Guid? ownerId, CancellationToken ct) =>
        ApiKeyStore.ListAsync(runtime.Tenant.Database, ownerId, ct);

    public Task<ApiKeyInfo?> FindAsync(TenantRuntime runtime, Guid id, CancellationToken ct) => ApiKeyStore.FindAsync(runtime.Tenant.Database, id, ct);

    public async Task RevokeAsync(TenantRuntime runtime, ApiKeyInfo key, RecordActor actor, CancellationToken ct)
    {
        await ApiKeyStore.RevokeAsync(runtime.Tenant.Database, key.Id, DateTime.UtcNow, ct);
        await audit.WriteAsync(runtime, new AuditEvent("api-key-revoked", actor, "api_key", key.Id,
            new Dictionary<string, object?> { ["name"] = key.Name, ["owner"] = key.UserId }), ct);
    }

    /// <summary>The active user a presented key acts as; null for an unknown, revoked or orphaned key.</summary>
    public async Task<DirectoryUser?> AuthenticateAsync(TenantRuntime runtime, string? secret, CancellationToken ct)
    {
        if (!ApiKeySecret.LooksValid(secret)) return null;
        var key = await ApiKeyStore.FindByHashAsync(runtime.Tenant.Database, ApiKeySecret.Hash(secret!), ct);
        if (key is null || key.RevokedAt is not null) return null;
        var user = await directory.FindAsync(runtime, key.UserId, ct);
        return user is { IsActive: true } ? user : null;
    }
}
