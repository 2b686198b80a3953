using Microsoft.AspNetCore.Http;
using Platform.Api.Tenants;
using Platform.Records;

namespace Platform.Api.Records;

internal static class GetRecord
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, Guid id, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var row = await records.GetAsync(runtime, entity, id, Security.RequestActor.Of(http), http.RequestAborted);
        return RecordResponses.Ok(http, row);
    }
}
