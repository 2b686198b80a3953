using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Api.Json;
using Platform.Api.Records;
using Platform.Audit.Trail;

namespace Platform.Api.Audit;

/// <summary>A page of audit entries: {"value": [...], "@odata.nextLink"?}, entries newest first.</summary>
internal static class AuditResponses
{
    /// <param name="withheld">Entries whose values the reader may not see: their changes are null and say so.</param>
    public static IResult Page(HttpContext http, AuditPage page, IReadOnlySet<Guid>? withheld = null) => RecordResponses.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("value");
        foreach (var entry in page.Entries) Write(writer, entry, withheld?.Contains(entry.Id) == true);
        writer.WriteEndArray();
        if (page.Next is { } next) writer.WriteString("@odata.nextLink", NextLink(http, next.Encode()));
        writer.WriteEndObject();
    });

    private static void Write(Utf8JsonWriter writer, AuditEntry entry, bool withheld)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entry.Id);
        writer.WritePropertyName("occurred_at");
        RecordJsonValueWriter.WriteValue(writer, entry.OccurredAt);
        writer.WriteString("action", entry.Action);
        writer.WritePropertyName("actor_id");
        RecordJsonValueWriter.WriteValue(writer, entry.ActorId);
        writer.WriteString("actor_name", entry.ActorName);
        writer.WriteString("client_address", entry.ClientAddress);
        writer.WriteString("entity", entry.Entity);
        writer.WritePropertyName("record_id");
        RecordJsonValueWriter.WriteValue(writer, entry.RecordId);
        writer.WritePropertyName("changes");
        if (entry.Changes is null) writer.WriteNullValue(); else entry.Changes.WriteTo(writer);
        if (withheld) writer.WriteBoolean("changes_withheld", true);
        writer.WritePropertyName("details");
        if (entry.Details is null) writer.WriteNullValue(); else entry.Details.WriteTo(writer);
        writer.WriteEndObject();
    }

    private static string NextLink(HttpContext http, string token)
    {
        var query = http.Request.Query.Where(q => q.Key != "$skiptoken")
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("$skiptoken", token));
        return QueryHelpers.AddQueryString($"{http.Request.PathBase}{http.Request.Path}", query);
    }
}
