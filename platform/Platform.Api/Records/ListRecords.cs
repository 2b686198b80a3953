using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Api.Json;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Querying;
using Platform.Records;

namespace Platform.Api.Records;

/// <summary>
/// GET a list with OData-style options. Answers {"@odata.count"?, "value": [...], "@odata.nextLink"?}; the count is
/// capped at 1,000 unless "$count=exact", and the next link carries a keyset continuation so deep pages stay fast.
/// </summary>
internal static class ListRecords
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        RecordService.Entity(runtime, entity);
        var options = QueryOptions.From(http.Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));
        if (options.Apply is not null) return await AggregateRecords.HandleAsync(http, runtime, entity, options, records);
        var translation = new ODataQueryTranslator(runtime.Model).Translate(entity, options);
        if (!translation.Succeeded) return ProblemResults.BadQuery(translation.Errors.Select(e => (e.Parameter, e.Message)));

        var query = translation.Query;
        var actor = Security.RequestActor.Of(http);
        var page = await records.QueryAsync(runtime, query, actor, http.RequestAborted);
        var expansions = await RecordExpansion.ExpandAsync(runtime, records, actor, translation.Expand, page.Rows, http.RequestAborted);
        var fields = query.Select is null ? null : RecordExpansion.OutputFields(query.Select);
        var expandedFields = RecordExpansion.ExpandedFields(translation.Expand);
        var next = page.HasMore ? NextLink(http, ContinuationToken.Next(query, page)) : null;

        var odata = OData.ODataService.Answer(http);
        var navigationOf = OData.ODataService.NavigationOf(http);
        return RecordResponses.Json(writer =>
        {
            writer.WriteStartObject();
            if (odata) writer.WriteString("@odata.context", OData.ODataService.ListContext(http, entity));
            if (page.Count is { } count)
            {
                writer.WriteNumber("@odata.count", count);
                if (page.CountIsCapped) writer.WriteBoolean("@platform.countIsCapped", true);
            }
            writer.WriteStartArray("value");
            foreach (var row in page.Rows) RecordJsonValueWriter.Write(writer, row, fields, RecordExpansion.For(row, expansions), expandedFields, navigationOf);
            writer.WriteEndArray();
            if (next is not null) writer.WriteString("@odata.nextLink", next);
            writer.WriteEndObject();
        });
    }

    private static string? NextLink(HttpContext http, string? token)
    {
        if (token is null) return null;
        var query = http.Request.Query.Where(q => q.Key is not ("$skiptoken" or "$skip"))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("$skiptoken", token));
        return OData.ODataService.NextLink(http, QueryHelpers.AddQueryString($"{http.Request.PathBase}{http.Request.Path}", query));
    }
}
