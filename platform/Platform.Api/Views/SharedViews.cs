using Microsoft.AspNetCore.Http;
using Platform.Api.Auth;
using Platform.Api.Problems;
using Platform.Metadata.Definitions.Screens;

namespace Platform.Api.Views;

/// <summary>
/// PUT /views/{entity}/shared/{viewId}: an administrator saves over a shared view for the whole tenant. The module's
/// document is never changed; the override is stored beside it and wins. If-Match is required and must name the
/// version the caller loaded ("0" while the document is unchanged): a view someone else saved meanwhile answers 412.
/// </summary>
internal static class SharedViews
{
    public static async Task<IResult> ReplaceAsync(HttpContext http, string entity, string viewId)
    {
        var context = ViewContext.Of(http, entity);
        if (!AdministersTenant.Includes(http.User, context.Runtime))
            return ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "Only administrators of the tenant may change a shared view; save it as a personal view instead.", "forbidden");
        var document = AppScreens.ViewsFor(context.Runtime.Definitions, context.Entity).Select(v => v.View).FirstOrDefault(v => v.Id == viewId);
        if (document is null) return ProblemResults.NotFound($"{entity} has no shared view '{viewId}'.");
        if (ViewContext.IfMatch(http) is not { } expected)
            return ProblemResults.Of(StatusCodes.Status428PreconditionRequired, "If-Match is required",
                "Send the etag of the shared view you loaded in If-Match, so a change someone else saved meanwhile is not overwritten.", "precondition-required");
        var body = await SavedViewBody.ReadAsync(http.Request, http.RequestAborted);
        if (body.Check(context.Runtime, context.Access, context.Entity) is { Count: > 0 } errors) return ProblemResults.Validation(errors, "The view is not valid");
        var definition = body.ToDefinition(viewId, entity) with { Default = document.Default, Aggregates = document.Aggregates };

        var stored = await SavedViewStore.FindSharedAsync(context.Runtime, entity, viewId, http.RequestAborted);
        var current = stored?.RowVersion ?? 0;
        if (expected != current) return ViewContext.Changed($"The shared view '{viewId}'", current);
        var saved = stored is null
            ? await SavedViewStore.InsertAsync(context.Runtime, new SavedView(Guid.CreateVersion7(), entity, null, viewId, definition, 1), context.UserId, http.RequestAborted)
            : await SavedViewStore.UpdateAsync(context.Runtime, stored.Id, definition, current, context.UserId, http.RequestAborted);
        if (!saved)
            return ViewContext.Changed($"The shared view '{viewId}'", (await SavedViewStore.FindSharedAsync(context.Runtime, entity, viewId, http.RequestAborted))?.RowVersion ?? 0);
        return ViewContext.Write(ViewContext.Json(definition, "shared", current + 1), etag: ViewContext.ETag(current + 1));
    }
}
