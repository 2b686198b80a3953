using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions;
using Platform.Records;
using Platform.Records.Writing;

namespace Platform.Api.Records;

internal static class CreateRecord
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var bytes = await RequestBody.ReadAsync(http);
        using var document = JsonDocument.Parse(bytes);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        IdempotencyRequest? idempotency = null;
        if (!string.IsNullOrEmpty(key))
        {
            if (key.Length > 200) return Problems.Problems.BadRequest("The Idempotency-Key header is longer than 200 characters.");
            // The key is scoped to the entity: the hash covers entity and body, so the same key on another entity differs.
            var hash = Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(entity + "\n"), .. bytes]));
            idempotency = new IdempotencyRequest(key, hash, row => System.Text.Encoding.UTF8.GetString(RecordJsonWriter.ToBytes(row)));
        }
        var (created, replay) = await records.CreateAsync(runtime, entity, document.RootElement, Security.RequestActor.Of(http), idempotency, http.RequestAborted);
        if (replay is not null)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (replay.Location is { } id) http.Response.Headers.Location = RecordResponses.Location(http, entity, id);
            // The first response's ETag was the row version its body shows.
            using (var first = JsonDocument.Parse(replay.Body))
                if (first.RootElement.ValueKind == JsonValueKind.Object && first.RootElement.TryGetProperty(SystemFields.RowVersion, out var version))
                    http.Response.Headers.ETag = $"\"{version.GetRawText()}\"";
            return Results.Text(replay.Body, RecordResponses.JsonContentType, statusCode: replay.Status);
        }
        http.Response.Headers.ETag = RecordResponses.ETag(created!);
        http.Response.Headers.Location = RecordResponses.Location(http, entity, created!["id"]!);
        return RecordResponses.Bytes(RecordJsonWriter.ToBytes(created!), StatusCodes.Status201Created);
    }
}
