using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;

namespace Platform.Api.Auth;

/// <summary>Reads the small JSON bodies of the auth and users endpoints; JSON only, so a cross-site form cannot post one.</summary>
internal static class AuthJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The body as a JSON object, or the problem to answer instead.</summary>
    public static async Task<(JsonElement Body, IResult? Problem)> ReadObjectAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
            return (default, ProblemResults.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the body as application/json.", "unsupported-media-type"));
        // Malformed JSON throws: the endpoint filter answers it (see ExceptionProblems).
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return (default, ProblemResults.BadRequest("The body must be a JSON object."));
        Json.JsonStrings.ThrowOnUnstorableText(document.RootElement);
        return (document.RootElement.Clone(), null);
    }

    public static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
