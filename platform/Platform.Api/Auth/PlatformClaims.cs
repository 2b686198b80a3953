namespace Platform.Api.Auth;

/// <summary>Claim types of an authenticated platform user (bearer token, cookie or API key alike).</summary>
public static class PlatformClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Tenant = "tenant";
    public const string Role = "role";
    public const string Team = "team";
    public const string BusinessUnit = "bu";
}
