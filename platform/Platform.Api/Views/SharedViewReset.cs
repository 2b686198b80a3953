using Microsoft.AspNetCore.Http;
using Platform.Api.Auth;
using Platform.Api.Problems;
using Platform.Metadata.Definitions.Screens;

namespace Platform.Api.Views;

/// <summary>
/// DELETE /views/{entity}/shared/{viewId}: an administrator drops the tenant's saved override of a shared view, so
/// everyone sees the module's document again. If-Match names the version loaded, so a save made meanwhile by
/// another administrator is not dropped unseen (412); a view without an override answers 204 (nothing to reset).
/// </summary>
internal static class SharedViewReset
{
    public static async Task<IResult> ResetAsync(HttpContext http, string entity, string viewId)
    {
        var context = ViewContext.Of(http, entity);
        if (!AdministersTenant.Includes(http.User, context.Runtime))
            return ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "Only administrators of the tenant may reset a shared view.", "forbidden");
        if (!AppScreens.ViewsFor(context.Runtime.Definitions, context.Entity).Any(v => v.View.Id == viewId))
            return ProblemResults.NotFound($"{entity} has no shared view '{viewId}'.");
        if (ViewContext.IfMatch(http) is not { } expected)
            return ProblemResults.Of(StatusCodes.Status428PreconditionRequired, "If-Match is required",
                "Send the etag of the shared view you loaded in If-Match, so a change someone else saved meanwhile is not dropped.", "precondition-required");
        var stored = await SavedViewStore.FindSharedAsync(context.Runtime, entity, viewId, http.RequestAborted);
        if (stored is null) return expected == 0 ? Results.NoContent() : ViewContext.Changed($"The shared view '{viewId}'", 0);
        if (expected != stored.RowVersion) return ViewContext.Changed($"The shared view '{viewId}'", stored.RowVersion);
        if (await SavedViewStore.DeleteAsync(context.Runtime, stored.Id, expected, http.RequestAborted)) return Results.NoContent();
        return ViewContext.Changed($"The shared view '{viewId}'", (await SavedViewStore.FindSharedAsync(context.Runtime, entity, viewId, http.RequestAborted))?.RowVersion ?? 0);
    }
}
