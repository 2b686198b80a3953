using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Identity.Users;

namespace Platform.Api.Users;

/// <summary>
/// GET /users/names?ids=a,b or ?search=text: the tenant's users as id and display name only, for any signed-in user
/// of the tenant. Forms show owner, created by and modified by as names and pickers choose a user (transfer an
/// approval) without the administrator's user route, which also answers e-mail, roles and lockout.
/// </summary>
internal static class UserNameEndpoints
{
    public const int MaxIds = 100;
    public const int SearchTop = 20;

    public static void MapUserNames(this RouteGroupBuilder tenant) => tenant.MapGet("/users/names", (Delegate)ListAsync);

    private static async Task<IResult> ListAsync(HttpContext http)
    {
        if (UserPrincipal.UserId(http.User) is null)
            return ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "User names are for signed-in users.", "forbidden");
        var query = http.Request.Query;
        string? ids = query["ids"], search = query["search"];
        if (ids is null == search is null) return ProblemResults.BadQuery([("ids", "give either ids (comma-separated) or search")]);
        var wanted = new HashSet<Guid>();
        foreach (var part in (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParse(part, out var id)) return ProblemResults.BadQuery([("ids", $"'{part}' is not a user id")]);
            wanted.Add(id);
        }
        if (wanted.Count > MaxIds) return ProblemResults.BadQuery([("ids", $"at most {MaxIds} ids")]);

        var users = await UserStore.ListAsync(TenantEndpointFilter.Runtime(http).Tenant.Database, http.RequestAborted);
        var matches = search is null
            ? users.Where(u => wanted.Contains(u.Id))
            : users.Where(u => u.IsActive && Matches(u, search.Trim())).OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).Take(SearchTop);
        return Results.Json(new { value = matches.Select(u => new { id = u.Id, display_name = Name(u) }) });
    }

    private static bool Matches(PlatformUser user, string text) => text.Length == 0
        || user.DisplayName.Contains(text, StringComparison.CurrentCultureIgnoreCase) || user.UserName.Contains(text, StringComparison.OrdinalIgnoreCase);

    private static string Name(PlatformUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName;
}
