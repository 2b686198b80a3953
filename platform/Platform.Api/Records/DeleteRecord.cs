using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Records;

namespace Platform.Api.Records;

internal static class DeleteRecord
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, Guid id, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        if (!RecordResponses.TryReadIfMatch(http, out var expected)) return ProblemResults.BadRequest("If-Match must be the ETag of the record, e.g. \"3\".");
        await records.DeleteAsync(runtime, entity, id, expected, Security.RequestActor.Of(http), http.RequestAborted);
        return Results.NoContent();
    }
}
