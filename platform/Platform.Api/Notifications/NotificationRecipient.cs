using Microsoft.AspNetCore.Http;
using Platform.Api.Auth;

namespace Platform.Api.Notifications;

/// <summary>Whose notifications a request reads: always the signed-in user's own, never another's.</summary>
internal static class NotificationRecipient
{
    public static Guid? Of(HttpContext http) => UserPrincipal.UserId(http.User);

    /// <summary>A caller without a user id (none reaches here through the tenant's sign-in) has no notifications to read.</summary>
    public static IResult Refused() => Problems.ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden",
        "Notifications are for signed-in users.", "forbidden");

    public static IResult NotFound(Guid id) => Problems.ProblemResults.NotFound($"You have no notification {id}.");
}
