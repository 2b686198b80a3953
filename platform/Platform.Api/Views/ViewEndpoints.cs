using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Platform.Api.Views;

internal static class ViewEndpoints
{
    /// <summary>
    /// The list screen's views: the shared ones (module documents, or the tenant's saved override of one) and the
    /// caller's personal views. Personal views belong to their owner alone; the shared ones change only with
    /// If-Match, so two administrators never overwrite each other's view silently.
    /// </summary>
    public static void MapSavedViews(this RouteGroupBuilder tenant)
    {
        var views = tenant.MapGroup("/views/{entity}");
        views.MapGet("", ListViews.HandleAsync);
        views.MapPost("/personal", PersonalViews.CreateAsync);
        views.MapPut("/personal/{id:guid}", PersonalViews.ReplaceAsync);
        views.MapDelete("/personal/{id:guid}", PersonalViews.DeleteAsync);
        views.MapPut("/shared/{viewId}", SharedViews.ReplaceAsync);
        views.MapDelete("/shared/{viewId}", SharedViewReset.ResetAsync);
    }
}
