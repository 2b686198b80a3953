using System.Collections.Concurrent;
using Platform.Records.Security;
using Platform.Runtime;

namespace Platform.Identity.Users;

/// <summary>
/// <see cref="IUserDirectory"/> over each tenant's platform_users. Every request needs its user, so a tenant's users
/// are read once and kept for <see cref="CacheFor"/>; writes through <see cref="UserAdministration"/> drop the
/// snapshot at once, so this process sees its own changes immediately (another node sees them within CacheFor).
/// </summary>
public sealed class UserDirectory : IUserDirectory
{
    private readonly ConcurrentDictionary<string, Snapshot> _tenants = new();

    public static TimeSpan CacheFor { get; } = TimeSpan.FromSeconds(5);

    public async Task<DirectoryUser?> FindAsync(TenantRuntime runtime, Guid userId, CancellationToken ct) =>
        (await SnapshotAsync(runtime, ct)).ById.GetValueOrDefault(userId);

    public async Task<IReadOnlyCollection<Guid>> TeamMembersAsync(TenantRuntime runtime, IReadOnlyCollection<string> teams, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(runtime, ct);
        return snapshot.ById.Values.Where(u => u.Teams.Any(t => teams.Contains(t, StringComparer.OrdinalIgnoreCase))).Select(u => u.Id).ToList();
    }

    /// <summary>Forgets a tenant's users after a change, so the next lookup reads them again.</summary>
    public void Invalidate(string tenantId) => _tenants.TryRemove(tenantId, out _);

    private async Task<Snapshot> SnapshotAsync(TenantRuntime runtime, CancellationToken ct)
    {
        if (_tenants.TryGetValue(runtime.Id, out var cached) && DateTime.UtcNow - cached.LoadedAt < CacheFor) return cached;
        var users = await UserStore.ListAsync(runtime.Tenant.Database, ct);
        var snapshot = new Snapshot(users.ToDictionary(u => u.Id, u => u.ToDirectoryUser()), DateTime.UtcNow);
        _tenants[runtime.Id] = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyDictionary<Guid, DirectoryUser> ById, DateTime LoadedAt);
}
