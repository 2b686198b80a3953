using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Records.Security;

namespace Platform.Api.Auth;

/// <summary>Signs access tokens (JWT, HMAC-SHA256) for a tenant's user.</summary>
public sealed class TokenIssuer(SigningKeys keys, AuthSettings settings)
{
    public const string Issuer = "platform";
    public const string Audience = "platform-api";

    private readonly JsonWebTokenHandler _handler = new();

    public TimeSpan Lifetime => settings.TokenLifetime;

    /// <param name="stamp">The user's current security stamp (<see cref="Platform.Identity.Users.UserStampStore"/>): a new one ends the token.</param>
    public string Issue(DirectoryUser user, string tenant, string stamp)
    {
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(UserPrincipal.Claims(user, tenant, stamp)),
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.TokenLifetime,
            SigningCredentials = keys.Credentials,
        });
    }

    public static TokenValidationParameters ValidationParameters(SigningKeys keys) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = keys.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = PlatformClaims.Name,
        RoleClaimType = PlatformClaims.Role,
    };
}
