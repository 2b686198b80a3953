using System.Security.Claims;
using Platform.Records.Security;

namespace Platform.Api.Auth;

/// <summary>The claims of a signed-in user (per <see cref="PlatformClaims"/>), whichever way they authenticated.</summary>
public static class UserPrincipal
{
    /// <summary>The user's security stamp when the token or cookie was issued; a different stored stamp ends the session.</summary>
    public const string StampClaim = "stamp";

    public static List<Claim> Claims(DirectoryUser user, string tenant, string? stamp = null)
    {
        var claims = new List<Claim>
        {
            new(PlatformClaims.UserId, user.Id.ToString()),
            new(PlatformClaims.Name, user.UserName),
            new(PlatformClaims.Tenant, tenant),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(PlatformClaims.Role, r)));
        claims.AddRange(user.Teams.Select(t => new Claim(PlatformClaims.Team, t)));
        if (user.BusinessUnit is { } unit) claims.Add(new Claim(PlatformClaims.BusinessUnit, unit));
        if (stamp is not null) claims.Add(new Claim(StampClaim, stamp));
        return claims;
    }

    public static ClaimsPrincipal Create(DirectoryUser user, string tenant, string authenticationType, string? stamp = null) =>
        new(new ClaimsIdentity(Claims(user, tenant, stamp), authenticationType, PlatformClaims.Name, PlatformClaims.Role));

    public static string? Stamp(ClaimsPrincipal principal) => principal.FindFirstValue(StampClaim);

    public static string? Tenant(ClaimsPrincipal principal) => principal.FindFirstValue(PlatformClaims.Tenant);

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(PlatformClaims.UserId), out var id) ? id : null;
}
