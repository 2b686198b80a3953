using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Api.Tenants;
using Platform.Records;

namespace Platform.Api.Records;

internal static class CreateRecord
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var bytes = await RequestBody.ReadAsync(http);
        using var document = JsonDocument.Parse(bytes);
        // The key is scoped to the entity: the hash covers entity and body, so the same key on another entity differs.
        var (idempotency, problem) = IdempotencyHeader.Read(http, entity, bytes);
        if (problem is not null) return problem;
        var actor = Security.RequestActor.Of(http);
        var (created, replay) = await records.CreateAsync(runtime, entity, document.RootElement, actor, idempotency, http.RequestAborted);
        if (replay is not null)
        {
            IdempotencyHeader.MarkReplayed(http);
            var id = replay.RecordId!.Value;
            http.Response.Headers.Location = RecordResponses.Location(http, entity, id);
            // Nothing but the id was stored: the record is shown as this caller may see it now.
            Dictionary<string, object?> current;
            try
            {
                current = await records.GetAsync(runtime, entity, id, actor, http.RequestAborted);
            }
            catch (RecordNotFoundException)
            {
                // Deleted since, or no longer readable by the caller: the create still happened, under this id.
                return Results.Json(new { id }, statusCode: replay.Status);
            }
            http.Response.Headers.ETag = RecordResponses.ETag(current);
            return RecordResponses.Bytes(RecordJsonValueWriter.ToBytes(current), replay.Status);
        }
        http.Response.Headers.ETag = RecordResponses.ETag(created!);
        http.Response.Headers.Location = RecordResponses.Location(http, entity, created!["id"]!);
        return RecordResponses.Bytes(RecordJsonValueWriter.ToBytes(created!), StatusCodes.Status201Created);
    }
}
