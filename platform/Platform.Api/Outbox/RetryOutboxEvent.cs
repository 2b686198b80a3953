using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Records.Outbox;

namespace Platform.Api.Outbox;

/// <summary>
/// POST /admin/outbox/{eventId}/retry: re-queues an undelivered event (a failed one, or a pending one waiting out its
/// backoff) for delivery now. Consumers that had it already are not run again. 404 for no such event, 409 for one
/// delivered to every consumer.
/// </summary>
internal static class RetryOutboxEvent
{
    public static async Task<IResult> HandleAsync(HttpContext http, Guid eventId, IEnumerable<IOutboxConsumer> consumers, OutboxSignal signal)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        if (!await OutboxAdminStore.RequeueAsync(runtime, eventId, http.RequestAborted))
        {
            return await OutboxAdminStore.FindAsync(runtime, eventId, http.RequestAborted) is null
                ? ProblemResults.NotFound($"There is no outbox event {eventId}.")
                : ProblemResults.Of(StatusCodes.Status409Conflict, "Conflict", $"The outbox event {eventId} was delivered to every consumer already.", "conflict");
        }
        signal.Notify(runtime.Id);
        var entry = await OutboxAdminStore.FindAsync(runtime, eventId, http.RequestAborted);
        return entry is null
            ? ProblemResults.NotFound($"There is no outbox event {eventId}.")
            : Results.Json(OutboxEntryJson.Of(entry, consumers.Select(c => c.Name).ToList()));
    }
}
