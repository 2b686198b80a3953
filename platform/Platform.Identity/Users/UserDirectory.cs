using System.Collections.Concurrent;
using Platform.Records.Security;
using Platform.Runtime;

namespace Platform.Identity.Users;

/// <summary>
/// <see cref="IUserDirectory"/> over each tenant's platform_users. Every request needs its user, so a tenant's users
/// are read once and kept for <see cref="CacheFor"/>; writes through <see cref="UserAdministration"/> drop the
/// snapshot at once, so this process sees its own changes immediately (another node sees them within CacheFor, as it
/// reads the tenant database again: nothing is revoked only in memory).
/// </summary>
public sealed class UserDirectory : IUserDirectory
{
    private readonly ConcurrentDictionary<string, Snapshot> _tenants = new();

    public static TimeSpan CacheFor { get; } = TimeSpan.FromSeconds(5);

    public async Task<DirectoryUser?> FindAsync(TenantRuntime runtime, Guid userId, CancellationToken ct) =>
        (await SnapshotAsync(runtime, ct)).ById.GetValueOrDefault(userId);

    /// <summary>
    /// The user as they are now, with their security stamp: what each request's token, cookie or API key is checked
    /// against, so a change reaches every session within <see cref="CacheFor"/> on every host.
    /// </summary>
    public async Task<SessionUser?> FindSessionAsync(TenantRuntime runtime, Guid userId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(runtime, ct);
        return snapshot.ById.TryGetValue(userId, out var user)
            ? new SessionUser(user, snapshot.Stamps.GetValueOrDefault(userId, UserStampStore.Initial))
            : null;
    }

    /// <summary>
    /// The user and stamp as the database has them now, bypassing the snapshot: for a credential the snapshot refuses,
    /// which may be newer than the snapshot (issued on another host right after a logout or a reactivation there).
    /// </summary>
    public async Task<SessionUser?> FindSessionInDatabaseAsync(TenantRuntime runtime, Guid userId, CancellationToken ct) =>
        await UserStore.FindAsync(runtime.Tenant.Database, userId, ct) is { } user
            ? new SessionUser(user.ToDirectoryUser(), await UserStampStore.GetAsync(runtime.Tenant.Database, userId, ct))
            : null;

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
        var loadedAt = DateTime.UtcNow;
        var users = await UserStore.ListAsync(runtime.Tenant.Database, ct);
        var stamps = await UserStampStore.ListAsync(runtime.Tenant.Database, ct);
        var snapshot = new Snapshot(users.ToDictionary(u => u.Id, u => u.ToDirectoryUser()), stamps, loadedAt);
        _tenants[runtime.Id] = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyDictionary<Guid, DirectoryUser> ById, IReadOnlyDictionary<Guid, string> Stamps, DateTime LoadedAt);
}
