using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Records;

namespace Platform.Api.Records;

/// <summary>PATCH: a partial update; If-Match with the ETag refuses the write when the record moved on.</summary>
internal static class UpdateRecord
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, Guid id, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        if (!RecordResponses.TryReadIfMatch(http, out var expected)) return ProblemResults.BadRequest("If-Match must be the ETag of the record, e.g. \"3\".");
        using var document = JsonDocument.Parse(await RequestBody.ReadAsync(http));
        var row = await records.UpdateAsync(runtime, entity, id, document.RootElement, expected, Security.RequestActor.Of(http), http.RequestAborted);
        return RecordResponses.Ok(http, row);
    }
}
