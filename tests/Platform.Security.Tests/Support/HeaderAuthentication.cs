using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Records.Security;

namespace Platform.Security.Tests.Support;

/// <summary>Stands in for the identity layer: "X-Test-User: alice" signs in as that test user, with their claims.</summary>
public sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "test";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var name)) return Task.FromResult(AuthenticateResult.NoResult());
        var user = TestUsers.ByName(name.ToString());
        var claims = new List<Claim> { new(PlatformClaims.UserId, user.Id.ToString()), new(PlatformClaims.Name, user.UserName) };
        claims.AddRange(user.Roles.Select(r => new Claim(PlatformClaims.Role, r)));
        claims.AddRange(user.Teams.Select(t => new Claim(PlatformClaims.Team, t)));
        if (user.BusinessUnit is { } unit) claims.Add(new Claim(PlatformClaims.BusinessUnit, unit));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
