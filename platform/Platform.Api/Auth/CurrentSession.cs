using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Identity.Users;
using Platform.Runtime;

namespace Platform.Api.Auth;

/// <summary>
/// Checks a token's or cookie's principal against the user as stored now, on every request: the user must exist and
/// be active and the security stamp must match (a logout or password reset changes it), and the request then acts
/// with the user's current roles, teams and business unit, never the ones written into the credential. The user
/// directory re-reads the tenant database every few seconds, so a change made on any host reaches every host.
/// </summary>
internal static class CurrentSession
{
    /// <returns>The principal to act as, or null when the session has ended.</returns>
    public static async Task<ClaimsPrincipal?> RefreshAsync(HttpContext http, ClaimsPrincipal? principal, string authenticationType)
    {
        if (principal is null || UserPrincipal.Tenant(principal) is not { } tenant || UserPrincipal.UserId(principal) is not { } id) return null;
        var runtime = await http.RequestServices.GetRequiredService<TenantRuntimeCache>().GetAsync(tenant, http.RequestAborted);
        if (runtime is null) return null;
        var directory = http.RequestServices.GetRequiredService<UserDirectory>();
        var presented = UserPrincipal.Stamp(principal) ?? UserStampStore.Initial;
        var current = await directory.FindSessionAsync(runtime, id, http.RequestAborted);
        if (!Accepts(current, presented))
        {
            // The snapshot may be older than the credential; only a refusal costs a look at the database, and only a
            // stale snapshot (not a dead credential presented again and again) makes everyone's snapshot reload.
            current = await directory.FindSessionInDatabaseAsync(runtime, id, http.RequestAborted);
            if (!Accepts(current, presented)) return null;
            directory.Invalidate(runtime.Id);
        }
        return UserPrincipal.Create(current!.User, tenant, authenticationType, current.Stamp);
    }

    private static bool Accepts(SessionUser? current, string presented) => current is { User.IsActive: true } && SameStamp(presented, current.Stamp);

    private static bool SameStamp(string presented, string stored) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(stored));
}
