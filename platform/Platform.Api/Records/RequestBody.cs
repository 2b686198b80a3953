using Microsoft.AspNetCore.Http;
using Platform.Api.Json;

namespace Platform.Api.Records;

internal static class RequestBody
{
    /// <summary>Bodies up to this size with a Content-Length are read straight into an array of that size.</summary>
    private const int PresizedLimit = 4 * 1024 * 1024;

    /// <summary>The body's bytes, once they pass <see cref="JsonBodyChecks"/> (else a JsonException: a 400).</summary>
    public static async Task<byte[]> ReadAsync(HttpContext http)
    {
        var body = await ReadBytesAsync(http);
        JsonBodyChecks.ThrowIfUnacceptable(body);
        return body;
    }

    private static async Task<byte[]> ReadBytesAsync(HttpContext http)
    {
        if (http.Request.ContentLength is { } length and > 0 and <= PresizedLimit)
        {
            // A bulk batch is a few hundred KB: no growing copies and no final copy. A body shorter than announced
            // fails the read like a broken connection does.
            var body = new byte[length];
            await http.Request.Body.ReadExactlyAsync(body, http.RequestAborted);
            return body;
        }
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }
}
