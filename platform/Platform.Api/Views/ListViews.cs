using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.Auth;
using Platform.Metadata.Definitions.Screens;

namespace Platform.Api.Views;

/// <summary>
/// GET /views/{entity}: <c>{"value": [...]}</c>, the shared views first (the default first; a saved override in place
/// of its document, with its version as etag, "0" while none is saved) and then the caller's personal views, each
/// trimmed to what the caller may read (<see cref="Metadata.ScreenAccess"/>), and whether the caller may save over (or
/// reset) the shared views.
/// </summary>
internal static class ListViews
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity)
    {
        var context = ViewContext.Of(http, entity);
        var saved = await SavedViewStore.ListAsync(context.Runtime, entity, context.UserId, http.RequestAborted);
        var overrides = saved.Where(s => s.OwnerId is null && s.ViewId is not null).ToDictionary(s => s.ViewId!, StringComparer.Ordinal);
        var value = new JsonArray();
        foreach (var (document, generated) in AppScreens.ViewsFor(context.Runtime.Definitions, context.Entity).OrderByDescending(v => v.View.Default))
        {
            var (view, version) = overrides.TryGetValue(document.Id, out var shared) ? (shared.Definition, shared.RowVersion) : (document, 0L);
            if (context.Access.View(view) is { } visible) value.Add(ViewContext.Json(visible, "shared", version, generated));
        }
        foreach (var personal in saved.Where(s => s.OwnerId is not null && s.OwnerId == context.UserId))
            if (context.Access.View(personal.Definition) is { } visible) value.Add(ViewContext.Json(visible, "personal", personal.RowVersion));
        // The list screen offers "Save to shared view" from this answer, so it never offers what the host would refuse.
        return ViewContext.Write(new JsonObject { ["value"] = value, ["maySaveShared"] = AdministersTenant.Includes(http.User, context.Runtime) });
    }
}
