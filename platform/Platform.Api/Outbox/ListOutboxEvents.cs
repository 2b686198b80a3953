using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Records.Outbox;

namespace Platform.Api.Outbox;

/// <summary>GET /admin/outbox?status=failed|pending&amp;$top=: the tenant's undelivered events, oldest first (failed by default).</summary>
internal static class ListOutboxEvents
{
    private const int DefaultTop = 100;
    private const int MaxTop = 1000;

    public static async Task<IResult> HandleAsync(HttpContext http, IEnumerable<IOutboxConsumer> consumers)
    {
        var query = http.Request.Query;
        var status = query["status"] is { Count: > 0 } given ? given.ToString() : OutboxEntry.Failed;
        var errors = new List<(string, string)>();
        if (status is not (OutboxEntry.Failed or OutboxEntry.Pending)) errors.Add(("status", "must be failed or pending"));
        var top = DefaultTop;
        if (query["$top"] is { Count: > 0 } topText && (!int.TryParse(topText, out top) || top < 1 || top > MaxTop))
            errors.Add(("$top", $"must be a whole number from 1 to {MaxTop}"));
        if (errors.Count > 0) return ProblemResults.BadQuery(errors);
        var entries = await OutboxAdminStore.ListAsync(TenantEndpointFilter.Runtime(http), status, top, http.RequestAborted);
        var names = consumers.Select(c => c.Name).ToList();
        return Results.Json(new { value = entries.Select(e => OutboxEntryJson.Of(e, names)).ToList() });
    }
}
