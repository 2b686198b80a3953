namespace Platform.Api.Auth;

/// <summary>The ways a request can authenticate; <see cref="Selector"/> picks one per request from its headers.</summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: forwards to bearer, API key or cookie.</summary>
    public const string Selector = "Platform";
    public const string Bearer = "Bearer";
    public const string ApiKey = "ApiKey";
    public const string Cookie = "Cookies";

    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// Cookie-authenticated unsafe requests must carry this header (any value). A cross-site form cannot set it, and a
    /// cross-site script would need a CORS preflight the platform never grants: with SameSite=Strict, that stops CSRF.
    /// </summary>
    public const string CsrfHeader = "X-Requested-With";

    public const string CookieName = "platform_session";

    /// <summary>Authorization policy of the administration routes: the user administers the tenant (<see cref="AdministersTenant"/>).</summary>
    public const string AdminPolicy = "platform-admin";
}
