using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Records;
using Platform.Records.Validation;

namespace Platform.Api.Records;

/// <summary>
/// Many-to-many relations: list, link ({"id": target}) and unlink. The record service checks (update on the source,
/// read on the target), writes and audits; this only reads the request and shapes the answer.
/// </summary>
internal static class RelationLinks
{
    public static async Task<IResult> ListAsync(HttpContext http, string entity, Guid id, string relation, RecordService records)
    {
        var rows = await records.LinkedAsync(TenantEndpointFilter.Runtime(http), entity, id, relation, Security.RequestActor.Of(http), http.RequestAborted);
        return RecordResponses.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("value");
            foreach (var row in rows) RecordJsonValueWriter.Write(writer, row);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static async Task<IResult> LinkAsync(HttpContext http, string entity, Guid id, string relation, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var target = RecordService.RelationTarget(runtime, entity, relation);
        using var document = JsonDocument.Parse(await RequestBody.ReadAsync(http));
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("id", out var idJson) ||
            idJson.ValueKind != JsonValueKind.String || !Guid.TryParse(idJson.GetString(), out var targetId))
            return ProblemResults.Validation([new FieldError("/id", $"must be the id of the {target} to link")]);
        var created = await records.LinkAsync(runtime, entity, id, relation, targetId, Security.RequestActor.Of(http), http.RequestAborted);
        return created ? Results.StatusCode(StatusCodes.Status201Created) : Results.NoContent();
    }

    public static async Task<IResult> UnlinkAsync(HttpContext http, string entity, Guid id, string relation, Guid targetId, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var target = RecordService.RelationTarget(runtime, entity, relation);
        return await records.UnlinkAsync(runtime, entity, id, relation, targetId, Security.RequestActor.Of(http), http.RequestAborted)
            ? Results.NoContent()
            : ProblemResults.NotFound($"The {entity} {id} is not linked to {target} {targetId}.");
    }
}
