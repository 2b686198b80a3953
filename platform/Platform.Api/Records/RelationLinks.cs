using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records;
using Platform.Records.Validation;
using Platform.Runtime;
using Platform.Storage.Physical;

namespace Platform.Api.Records;

/// <summary>Many-to-many relations: list, link ({"id": target}) and unlink through the relation's junction table.</summary>
internal static class RelationLinks
{
    public static async Task<IResult> ListAsync(HttpContext http, string entity, Guid id, string relation, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var (junction, target) = Resolve(runtime, entity, relation);
        var actor = Security.RequestActor.Of(http);
        await records.DemandAsync(runtime, entity, id, Privilege.Read, actor, http.RequestAborted);
        IReadOnlyList<Guid> ids;
        await using (var session = await runtime.Store.OpenAsync(false, http.RequestAborted))
            ids = await runtime.Store.LinkedIdsAsync(session, junction, id, 1000, http.RequestAborted);
        // Linked records the user may not read are left out, as in any list.
        var rows = await records.GetManyAsync(runtime, target, ids, null, actor, http.RequestAborted);
        return RecordResponses.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("value");
            foreach (var row in rows) RecordJsonWriter.Write(writer, row);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static async Task<IResult> LinkAsync(HttpContext http, string entity, Guid id, string relation, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var (junction, target) = Resolve(runtime, entity, relation);
        using var document = JsonDocument.Parse(await RequestBody.ReadAsync(http));
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("id", out var idJson) ||
            idJson.ValueKind != JsonValueKind.String || !Guid.TryParse(idJson.GetString(), out var targetId))
            return Problems.Problems.Validation([new FieldError("/id", $"must be the id of the {target} to link")]);
        // Linking changes the source record and needs only sight of the target.
        var actor = Security.RequestActor.Of(http);
        await records.DemandAsync(runtime, entity, id, Privilege.Update, actor, http.RequestAborted);
        if ((await records.GetManyAsync(runtime, target, [targetId], [SystemFields.Id], actor, http.RequestAborted)).Count == 0)
            return Problems.Problems.Validation([new FieldError("/id", $"there is no {target} with id {targetId}")]);
        await using var session = await runtime.Store.OpenAsync(true, http.RequestAborted);
        if (await runtime.Store.GetAsync(session, entity, id, http.RequestAborted) is null) throw new RecordNotFoundException(entity, id);
        if ((await runtime.Store.ExistingIdsAsync(session, target, [targetId], http.RequestAborted)).Count == 0)
            return Problems.Problems.Validation([new FieldError("/id", $"there is no {target} with id {targetId}")]);
        var created = await runtime.Store.LinkAsync(session, junction, id, targetId, http.RequestAborted);
        await session.CommitAsync(http.RequestAborted);
        return created ? Results.StatusCode(StatusCodes.Status201Created) : Results.NoContent();
    }

    public static async Task<IResult> UnlinkAsync(HttpContext http, string entity, Guid id, string relation, Guid targetId, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var (junction, target) = Resolve(runtime, entity, relation);
        await records.DemandAsync(runtime, entity, id, Privilege.Update, Security.RequestActor.Of(http), http.RequestAborted);
        await using var session = await runtime.Store.OpenAsync(true, http.RequestAborted);
        var removed = await runtime.Store.UnlinkAsync(session, junction, id, targetId, http.RequestAborted);
        await session.CommitAsync(http.RequestAborted);
        return removed ? Results.NoContent() : Problems.Problems.NotFound($"The {entity} {id} is not linked to {target} {targetId}.");
    }

    private static (string Junction, string Target) Resolve(TenantRuntime runtime, string entity, string relation)
    {
        var definition = RecordService.Entity(runtime, entity);
        var found = definition.Relations.FirstOrDefault(r => r.Name == relation)
                    ?? throw new RecordNotFoundException($"{entity}/{relation}", null);
        return (IdentifierNames.Junction(entity, relation), found.Target);
    }
}
