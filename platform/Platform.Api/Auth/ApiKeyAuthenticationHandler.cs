using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Identity.ApiKeys;
using Platform.Runtime;

namespace Platform.Api.Auth;

/// <summary>
/// <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>: looked up by hash in the route tenant's own
/// key table (a key of another tenant is simply unknown there), and acts as the key's owner with their current roles.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TenantRuntimeCache runtimes, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = AuthSchemes.ApiKey + " ";

    public static bool IsPresent(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ||
        request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        var secret = authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[Prefix.Length..].Trim()
            : Request.Headers[AuthSchemes.ApiKeyHeader].ToString().Trim();
        if (secret.Length == 0) return AuthenticateResult.NoResult();
        if (Request.RouteValues["tenant"] is not string tenant) return AuthenticateResult.Fail("An API key is only valid on its tenant's routes.");
        var runtime = await runtimes.GetAsync(tenant, Context.RequestAborted);
        if (runtime is null) return AuthenticateResult.Fail("Unknown tenant.");
        var user = await keys.AuthenticateAsync(runtime, secret, Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("The API key is unknown or revoked.");
        return AuthenticateResult.Success(new AuthenticationTicket(UserPrincipal.Create(user, runtime.Id, AuthSchemes.ApiKey), Scheme.Name));
    }
}
