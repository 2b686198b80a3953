using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Api.Json;
using Platform.Api.Problems;
using Platform.Querying;
using Platform.Querying.Apply;
using Platform.Records;
using Platform.Runtime;

namespace Platform.Api.Records;

/// <summary>
/// The list endpoint with <c>$apply</c>: groups and aggregates in the database and answers
/// <c>{"@odata.count"?, "value": [{"stage": "won", "total": 12000, "n": 3}], "@odata.nextLink"?}</c>, each row holding the
/// group keys and aliases (decimals as JSON numbers, null groups as null). More groups than <c>$top</c> get a next link
/// with <c>$skip</c>.
/// </summary>
internal static class AggregateRecords
{
    public static async Task<IResult> HandleAsync(HttpContext http, TenantRuntime runtime, string entity, QueryOptions options, RecordService records)
    {
        var translation = new ApplyTranslator(runtime.Model).Translate(entity, options);
        if (!translation.Succeeded) return ProblemResults.BadQuery(translation.Errors.Select(e => (e.Parameter, e.Message)));

        var query = translation.Query;
        var page = await records.AggregateAsync(runtime, query, Security.RequestActor.Of(http), http.RequestAborted);
        var nextSkip = query.Skip + query.Top;
        var next = page.HasMore && nextSkip <= QueryLimits.MaxSkip ? NextLink(http, nextSkip) : null;
        var aliases = query.Aliases.ToList();
        var odata = OData.ODataService.Answer(http);
        return RecordResponses.Json(writer =>
        {
            writer.WriteStartObject();
            if (odata) writer.WriteString("@odata.context", OData.ODataService.ApplyContext(http, entity, aliases));
            if (page.Count is { } count) writer.WriteNumber("@odata.count", count);
            writer.WriteStartArray("value");
            foreach (var row in page.Rows)
            {
                writer.WriteStartObject();
                foreach (var alias in aliases)
                {
                    writer.WritePropertyName(alias);
                    RecordJsonValueWriter.WriteValue(writer, row.GetValueOrDefault(alias));
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (next is not null) writer.WriteString("@odata.nextLink", next);
            writer.WriteEndObject();
        });
    }

    private static string NextLink(HttpContext http, int skip)
    {
        var query = http.Request.Query.Where(q => !string.Equals(q.Key, "$skip", StringComparison.OrdinalIgnoreCase))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("$skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return OData.ODataService.NextLink(http, QueryHelpers.AddQueryString($"{http.Request.PathBase}{http.Request.Path}", query));
    }
}
