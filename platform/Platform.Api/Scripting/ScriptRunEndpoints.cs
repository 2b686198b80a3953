using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Scripting.Runs;

namespace Platform.Api.Scripting;

/// <summary>
/// GET /admin/scripts (per-script figures) and GET /admin/scripts/runs?script=&amp;$top= (the last runs: usage beside
/// limits, logs, error). Both write queued reports first, so a run that just happened is listed. Meant for
/// administrators; the auth layer will restrict /admin.
/// </summary>
internal static class ScriptRunEndpoints
{
    private const int DefaultTop = 50;
    private const int MaxTop = QueuedScriptRunLog.KeepPerScript * 10;

    public static async Task<IResult> SummaryAsync(HttpContext http, IScriptRunLog log)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        await log.FlushAsync(http.RequestAborted);
        await using var session = await runtime.Store.OpenAsync(write: false, http.RequestAborted);
        return Results.Json(new { value = await ScriptRunStore.SummarizeAsync(session, runtime.Store.Database, http.RequestAborted) });
    }

    public static async Task<IResult> RunsAsync(HttpContext http, IScriptRunLog log, string? script)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var top = DefaultTop;
        if (http.Request.Query["$top"] is { Count: > 0 } topText && (!int.TryParse(topText, out top) || top < 1 || top > MaxTop))
            return ProblemResults.BadQuery([("$top", $"must be a whole number from 1 to {MaxTop}")]);
        await log.FlushAsync(http.RequestAborted);
        await using var session = await runtime.Store.OpenAsync(write: false, http.RequestAborted);
        return Results.Json(new { value = await ScriptRunStore.ReadAsync(session, runtime.Store.Database, string.IsNullOrEmpty(script) ? null : script, top, http.RequestAborted) });
    }
}
