using Microsoft.AspNetCore.Http;

namespace Platform.Api.Records;

internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }
}
