using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Platform.Records;
using Platform.Records.Security;

namespace Platform.Api.Security;

/// <summary>The <see cref="RecordActor"/> of a request, from the authenticated user's claims.</summary>
public static class RequestActor
{
    public static RecordActor Of(HttpContext http)
    {
        var user = http.User;
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(PlatformClaims.UserId), out var id))
            return RecordActor.Anonymous with { ClientAddress = address };
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
