using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Json;
using Platform.Metadata.Definitions;

namespace Platform.Api.Records;

/// <summary>Record responses with their ETag (the row version) and Location.</summary>
internal static class RecordResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static string ETag(IReadOnlyDictionary<string, object?> row) => $"\"{row[SystemFields.RowVersion]}\"";

    public static IResult Ok(HttpContext http, IReadOnlyDictionary<string, object?> row)
    {
        http.Response.Headers.ETag = ETag(row);
        return Json(writer => RecordJsonValueWriter.Write(writer, row), initialSize: 1024);
    }

    public static string Location(HttpContext http, string entity, object id) =>
        $"{http.Request.PathBase}/api/{http.Request.RouteValues["tenant"]}/data/{entity}/{id}";

    /// <summary>A JSON body written into pooled memory (see <see cref="PooledJsonBody"/>).</summary>
    public static IResult Json(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK, int initialSize = 16 * 1024)
    {
        var body = new PooledJsonBody(status, initialSize);
        using (var writer = new Utf8JsonWriter(body, RecordJsonValueWriter.WriterOptions)) write(writer);
        return body;
    }

    public static IResult Bytes(byte[] body, int status) => status == StatusCodes.Status200OK
        ? Results.Bytes(body, JsonContentType)
        : new StatusBytesResult(body, status);

    private sealed class StatusBytesResult(byte[] body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = JsonContentType;
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    /// <summary>Reads If-Match: a quoted row version (weak or strong); "*" or absent means no check.</summary>
    public static bool TryReadIfMatch(HttpContext http, out long? version)
    {
        version = null;
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return true;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        if (!long.TryParse(text, out var parsed)) return false;
        version = parsed;
        return true;
    }
}
