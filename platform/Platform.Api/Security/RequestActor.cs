using Platform.Api.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Platform.Records;
using Platform.Records.Security;

namespace Platform.Api.Security;

/// <summary>The <see cref="RecordActor"/> of a request, from the authenticated user's claims.</summary>
public static class RequestActor
{
    /// <summary>
    /// The actor of a request to a host without authentication (the API is open until identity is configured, as
    /// before permissions existed): unrestricted. Once an authentication scheme is registered, an unauthenticated
    /// request is <see cref="RecordActor.Anonymous"/>, which no role covers, so it reads and writes nothing.
    /// </summary>
    public static RecordActor OpenAccess { get; } = RecordActor.Anonymous with { Name = "anonymous", IsSystem = true };

    private static bool AuthenticationConfigured(HttpContext http) =>
        http.RequestServices.GetService(typeof(Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider)) is not null;

    public static RecordActor Of(HttpContext http)
    {
        if (http.Features.Get<IRecordActorFeature>() is { } chosen) return chosen.Actor;
        var user = http.User;
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(PlatformClaims.UserId), out var id))
            return (AuthenticationConfigured(http) ? RecordActor.Anonymous : OpenAccess) with { ClientAddress = address };
        return new RecordActor(id)
        {
            Name = user.FindFirstValue(PlatformClaims.Name) ?? "",
            Roles = user.FindAll(PlatformClaims.Role).Select(c => c.Value).ToList(),
            Teams = user.FindAll(PlatformClaims.Team).Select(c => c.Value).ToList(),
            BusinessUnit = user.FindFirstValue(PlatformClaims.BusinessUnit),
            ClientAddress = address,
        };
    }
}
