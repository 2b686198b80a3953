using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Platform.Identity.Users;
using Platform.Runtime;

namespace Platform.Workflows.Runtime;

/// <summary>
/// The tenant's users as expressions' <c>user(id)</c> and <c>manager(id)</c> see them (id, user name, display name,
/// email, manager id; no secrets), read for an expression only when its code calls one of them, and cached a few seconds
/// per tenant.
/// </summary>
public sealed class WorkflowDirectory
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private const int MaxUsers = 5000;
    private readonly ConcurrentDictionary<string, (DateTime At, JsonObject Users)> _tenants = new();

    public static bool IsNeededBy(string code) => code.Contains("user(", StringComparison.Ordinal) || code.Contains("manager(", StringComparison.Ordinal);

    public async Task<JsonObject> UsersAsync(TenantRuntime runtime, CancellationToken ct)
    {
        if (_tenants.TryGetValue(runtime.Id, out var cached) && DateTime.UtcNow - cached.At < CacheFor) return cached.Users;
        var users = new JsonObject();
        foreach (var user in (await UserStore.ListAsync(runtime.Store.Database, ct)).Where(u => u.IsActive).Take(MaxUsers))
            users[user.Id.ToString()] = new JsonObject
            {
                ["id"] = user.Id.ToString(), ["userName"] = user.UserName, ["displayName"] = user.DisplayName, ["email"] = user.Email,
                ["managerId"] = user.ManagerId?.ToString(),
            };
        _tenants[runtime.Id] = (DateTime.UtcNow, users);
        return users;
    }
}
