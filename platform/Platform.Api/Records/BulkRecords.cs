using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Records;
using Platform.Records.Validation;
using Platform.Records.Writing;

namespace Platform.Api.Records;

/// <summary>
/// POST {"mode": "create" | "upsert", "key": "id" | unique field, "records": [...]}: up to 1,000 records, all or nothing.
/// With an Idempotency-Key a repeat answers the first batch's counts and ids and writes nothing.
/// </summary>
internal static class BulkRecords
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var bytes = await RequestBody.ReadAsync(http);
        using var document = JsonDocument.Parse(bytes);
        var (idempotency, problem) = IdempotencyHeader.Read(http, entity + "/bulk", bytes);
        if (problem is not null) return problem;
        var root = document.RootElement;
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var list) || list.ValueKind != JsonValueKind.Array)
            return ProblemResults.Validation([new FieldError("/records", "the body must be an object with a \"records\" array")], "The batch is not valid");
        var mode = BulkMode.Create;
        if (root.TryGetProperty("mode", out var modeJson))
        {
            switch (modeJson.ValueKind == JsonValueKind.String ? modeJson.GetString() : null)
            {
                case "create": mode = BulkMode.Create; break;
                case "upsert": mode = BulkMode.Upsert; break;
                default: errors.Add(new FieldError("/mode", "must be \"create\" or \"upsert\"")); break;
            }
        }
        string? key = root.TryGetProperty("key", out var keyJson) && keyJson.ValueKind == JsonValueKind.String ? keyJson.GetString() : null;
        if (root.TryGetProperty("key", out keyJson) && keyJson.ValueKind != JsonValueKind.String)
            errors.Add(new FieldError("/key", "must be \"id\" or the name of a unique field"));
        var index = 0;
        foreach (var record in list.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object) errors.Add(new FieldError($"/records/{index}", "must be an object: a record's fields and values"));
            index++;
        }
        foreach (var property in root.EnumerateObject())
            if (property.Name is not ("records" or "mode" or "key")) errors.Add(new FieldError("/" + property.Name, "is not a batch option (records, mode, key)"));
        if (errors.Count > 0) return ProblemResults.Validation(errors, "The batch is not valid");

        var request = new BulkRequest(mode, key, list.EnumerateArray().ToList()) { Idempotency = idempotency };
        var result = await records.BulkAsync(runtime, entity, request, Security.RequestActor.Of(http), http.RequestAborted);
        if (result.Replayed) IdempotencyHeader.MarkReplayed(http);
        return Results.Json(new { created = result.Created, updated = result.Updated, ids = result.Ids }, statusCode: StatusCodes.Status200OK);
    }
}
