using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Querying;
using Platform.Records;

namespace Platform.Api.Records;

/// <summary>GET one record; $select and $expand work as on lists, the options that shape a list are refused.</summary>
internal static class GetRecord
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, Guid id, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        RecordService.Entity(runtime, entity);
        var translation = SingleRecordOptions.Translate(runtime.Model, entity, http.Request.Query);
        if (translation is { Succeeded: false }) return ProblemResults.BadQuery(translation.Errors.Select(e => (e.Parameter, e.Message)));

        var actor = Security.RequestActor.Of(http);
        var row = await records.GetAsync(runtime, entity, id, actor, http.RequestAborted);
        var odata = OData.ODataService.Answer(http);
        if (!odata && (translation?.Query is null || translation.Query.Select is null && translation.Expand.Count == 0)) return RecordResponses.Ok(http, row);

        IReadOnlyList<ExpandedLookup> expand = translation?.Expand ?? [];
        var expansions = await RecordExpansion.ExpandAsync(runtime, records, actor, expand, [row], http.RequestAborted);
        var fields = translation?.Query?.Select is { } select ? RecordExpansion.OutputFields(select) : null;
        var expandedFields = RecordExpansion.ExpandedFields(expand);
        http.Response.Headers.ETag = RecordResponses.ETag(row);
        // An OData client reads the record against $metadata: a context URL first, expanded records under their navigations.
        var context = odata ? OData.ODataService.EntityContext(http, entity) : null;
        return RecordResponses.Json(writer => RecordJsonValueWriter.Write(writer, row, fields, RecordExpansion.For(row, expansions), expandedFields,
            OData.ODataService.NavigationOf(http), context), initialSize: 1024);
    }
}
