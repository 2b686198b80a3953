using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Api.Problems;
using Platform.Api.Records;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Audit.Privacy;
using Platform.Metadata.Definitions;

namespace Platform.Api.Privacy;

/// <summary>
/// Data-subject requests: GET /privacy/{entity}/{id}/export and POST /privacy/{entity}/{id}/erase for entities marked
/// "dataSubject" (/privacy/contacts/... is the contact's).
/// </summary>
internal static class PrivacyEndpoints
{
    public static Task<IResult> ExportContactAsync(HttpContext http, Guid id, DataSubjectService subjects) => ExportAsync(http, "contact", id, subjects);

    public static Task<IResult> EraseContactAsync(HttpContext http, Guid id, DataSubjectService subjects) => EraseAsync(http, "contact", id, subjects);

    public static async Task<IResult> ExportAsync(HttpContext http, string entity, Guid id, DataSubjectService subjects)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        if (!DataSubjectService.IsSubject(runtime, entity)) return NotASubject(entity);
        var export = await subjects.ExportAsync(runtime, entity, id, RequestActor.Of(http), http.RequestAborted);
        return RecordResponses.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("exported_at", DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WritePropertyName("subject");
            WriteGroup(writer, export.Entity, null, [export.Record], single: true, withheld: 0);
            writer.WriteStartArray("related");
            foreach (var group in export.Related) WriteGroup(writer, group.Entity, group.Via, group.Records, single: false, group.Withheld);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static async Task<IResult> EraseAsync(HttpContext http, string entity, Guid id, DataSubjectService subjects)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        if (!DataSubjectService.IsSubject(runtime, entity)) return NotASubject(entity);
        var result = await subjects.EraseAsync(runtime, entity, id, RequestActor.Of(http), http.RequestAborted);
        return Results.Json(new
        {
            erased = result.Records.Select(r => new { entity = r.Entity, id = r.Id, fields = r.Fields }),
            scrubbed_audit_entries = result.ScrubbedAuditEntries,
            // What the caller's rights did not reach: someone who holds them must finish the request.
            not_erased = result.Untouched.Select(r => new { entity = r.Entity, id = r.Id, reason = r.Reason, fields = r.Fields }),
        });
    }

    private static IResult NotASubject(string entity) =>
        ProblemResults.NotFound($"There is no data-subject entity '{entity}' (an entity marked \"dataSubject\": true).");

    private static void WriteGroup(Utf8JsonWriter writer, EntityDefinition entity, string? via, IReadOnlyList<Dictionary<string, object?>> rows, bool single, int withheld)
    {
        writer.WriteStartObject();
        writer.WriteString("entity", entity.Name);
        writer.WritePropertyName("label");
        JsonSerializer.Serialize(writer, entity.Label ?? new LocalizedText(entity.Name), DefinitionJson.Options);
        if (via is not null) writer.WriteString("via", via);
        if (single)
        {
            writer.WritePropertyName("record");
            RecordJsonValueWriter.Write(writer, rows[0]);
        }
        else
        {
            writer.WriteStartArray("records");
            foreach (var row in rows) RecordJsonValueWriter.Write(writer, row);
            writer.WriteEndArray();
            // Records referring to the subject that the exporter may not read: left out, but counted.
            writer.WriteNumber("withheld", withheld);
        }
        writer.WriteEndObject();
    }
}
