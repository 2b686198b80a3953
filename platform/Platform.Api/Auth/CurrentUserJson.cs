using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Identity.Users;
using Platform.Records.Security;
using Platform.Runtime;

namespace Platform.Api.Auth;

/// <summary>
/// GET /auth/me: the user as <see cref="UserJson"/> writes it, plus whether the user administers the tenant, so a
/// client shows the administrators' screens without probing an admin route for a 403.
/// </summary>
internal static class CurrentUserJson
{
    /// <summary>At sign-in: the roles the new session will carry decide (the web app keeps this answer as its /auth/me).</summary>
    public static JsonObject Write(PlatformUser user, TenantRuntime runtime) =>
        Write(user, SecurityModel.For(runtime.Definitions).IsAdministrator(user.Roles));

    public static JsonObject Write(PlatformUser user, bool administrator)
    {
        var json = JsonSerializer.SerializeToNode(UserJson.Write(user), AuthJson.Options)!.AsObject();
        json["administrator"] = administrator;
        return json;
    }
}
