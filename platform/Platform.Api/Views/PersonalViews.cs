using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;

namespace Platform.Api.Views;

/// <summary>
/// POST /views/{entity}/personal, PUT and DELETE /views/{entity}/personal/{id}: the caller's own views. Another
/// user's view is a 404, as one that does not exist, so ids cannot be probed; If-Match, when sent, guards a change.
/// </summary>
internal static class PersonalViews
{
    public static async Task<IResult> CreateAsync(HttpContext http, string entity)
    {
        var context = ViewContext.Of(http, entity);
        if (context.UserId is not { } owner) return Refused();
        var body = await SavedViewBody.ReadAsync(http.Request, http.RequestAborted);
        if (body.Check(context.Runtime, context.Access, context.Entity) is { Count: > 0 } errors) return ProblemResults.Validation(errors, "The view is not valid");
        var id = Guid.CreateVersion7();
        var definition = body.ToDefinition(id.ToString(), entity);
        await SavedViewStore.InsertAsync(context.Runtime, new SavedView(id, entity, owner, null, definition, 1), owner, http.RequestAborted);
        return ViewContext.Write(ViewContext.Json(definition, "personal", 1), StatusCodes.Status201Created, ViewContext.ETag(1),
            $"/api/{context.Runtime.Id}/views/{entity}/personal/{id}");
    }

    public static async Task<IResult> ReplaceAsync(HttpContext http, string entity, Guid id)
    {
        var context = ViewContext.Of(http, entity);
        if (context.UserId is not { } owner) return Refused();
        if (await OwnedAsync(context, entity, id, owner, http) is not { } stored) return NotFound(id);
        var body = await SavedViewBody.ReadAsync(http.Request, http.RequestAborted);
        if (body.Check(context.Runtime, context.Access, context.Entity) is { Count: > 0 } errors) return ProblemResults.Validation(errors, "The view is not valid");
        var expected = ViewContext.IfMatch(http) ?? stored.RowVersion;
        var definition = body.ToDefinition(id.ToString(), entity);
        if (!await SavedViewStore.UpdateAsync(context.Runtime, id, definition, expected, owner, http.RequestAborted))
            return await SavedViewStore.GetAsync(context.Runtime, id, http.RequestAborted) is { } now ? ViewContext.Changed("Your view", now.RowVersion) : NotFound(id);
        return ViewContext.Write(ViewContext.Json(definition, "personal", expected + 1), etag: ViewContext.ETag(expected + 1));
    }

    public static async Task<IResult> DeleteAsync(HttpContext http, string entity, Guid id)
    {
        var context = ViewContext.Of(http, entity);
        if (context.UserId is not { } owner) return Refused();
        if (await OwnedAsync(context, entity, id, owner, http) is not { } stored) return NotFound(id);
        var expected = ViewContext.IfMatch(http);
        if (await SavedViewStore.DeleteAsync(context.Runtime, id, expected, http.RequestAborted)) return Results.NoContent();
        return await SavedViewStore.GetAsync(context.Runtime, id, http.RequestAborted) is { } now ? ViewContext.Changed("Your view", now.RowVersion) : NotFound(stored.Id);
    }

    private static async Task<SavedView?> OwnedAsync(ViewContext context, string entity, Guid id, Guid owner, HttpContext http) =>
        await SavedViewStore.GetAsync(context.Runtime, id, http.RequestAborted) is { } view && view.OwnerId == owner && view.Entity == entity ? view : null;

    private static IResult Refused() => ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "Personal views are for signed-in users.", "forbidden");

    private static IResult NotFound(Guid id) => ProblemResults.NotFound($"You have no personal view {id}.");
}
