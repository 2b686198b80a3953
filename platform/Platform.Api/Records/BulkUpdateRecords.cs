using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Records;
using Platform.Records.Validation;

namespace Platform.Api.Records;

/// <summary>
/// PATCH {"records": [{"id": ..., "field": value, ...}, ...]}: partial updates of up to 1,000 existing records, all or
/// nothing; a refused item is reported at its pointer (/records/3/field) in the 422 problem.
/// </summary>
internal static class BulkUpdateRecords
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        using var document = JsonDocument.Parse(await RequestBody.ReadAsync(http));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var list) || list.ValueKind != JsonValueKind.Array)
            return ProblemResults.Validation([new FieldError("/records", "the body must be an object with a \"records\" array")], "The batch is not valid");
        var errors = new List<FieldError>();
        var index = 0;
        foreach (var record in list.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object) errors.Add(new FieldError($"/records/{index}", "must be an object: the record's id and the fields to change"));
            index++;
        }
        foreach (var property in root.EnumerateObject())
            if (property.Name != "records") errors.Add(new FieldError("/" + property.Name, "is not a batch option (records)"));
        if (errors.Count > 0) return ProblemResults.Validation(errors, "The batch is not valid");

        var result = await records.BulkUpdateAsync(runtime, entity, list.EnumerateArray().ToList(), Security.RequestActor.Of(http), http.RequestAborted);
        return Results.Json(new { updated = result.Updated, ids = result.Ids }, statusCode: StatusCodes.Status200OK);
    }
}
