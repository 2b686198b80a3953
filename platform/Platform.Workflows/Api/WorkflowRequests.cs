using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Workflows.Validation;
using ApiProblems = Platform.Api.Problems.ProblemResults;

namespace Platform.Workflows.Api;

/// <summary>Reading request bodies and answering workflow problems the way the rest of the API does.</summary>
internal static class WorkflowRequests
{
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The body as JSON (an empty body is null), or the 400/413 problem to answer.</summary>
    public static async Task<(JsonNode? Body, IResult? Problem)> ReadAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length > MaxBodyBytes)
            return (null, ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, "Too large", $"The body is larger than {MaxBodyBytes} bytes.", "too-large"));
        if (buffer.Length == 0) return (null, null);
        JsonNode? body;
        try
        {
            // A member named twice would otherwise surface later, as an ArgumentException when the object is first read.
            body = JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            return (null, ApiProblems.BadRequest($"The body is not valid JSON: {exception.Message}"));
        }
        catch (InvalidOperationException)
        {
            // Checking for repeated names unescapes them: a lone surrogate in a member name fails here.
            return (null, LoneSurrogate());
        }
        if (body is not JsonObject)
            return (null, ApiProblems.BadRequest("The body must be a JSON object."));
        // Nodes unescape their strings lazily: a lone surrogate ("\ud800") would throw later, deep in a handler.
        try
        {
            EnsureReadable(body);
        }
        catch (InvalidOperationException)
        {
            return (null, LoneSurrogate());
        }
        return (body, null);
    }

    private static IResult LoneSurrogate() => ApiProblems.BadRequest("The body holds text that is not valid Unicode (a lone surrogate).");

    /// <summary>A member's text when it is a JSON string, else null (a number or an object is not text).</summary>
    public static string? Text(JsonNode? body, string name) =>
        body is JsonObject o && o[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void EnsureReadable(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o) EnsureReadable(child);
                break;
            case JsonArray a:
                foreach (var child in a) EnsureReadable(child);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                v.GetValue<string>();
                break;
        }
    }

    public static IResult Invalid(IReadOnlyList<WorkflowError> errors) =>
        ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "The workflow is not valid",
            errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems were found; see errors.", "validation",
            new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { file = e.File, pointer = e.Pointer, detail = e.Message }).ToList() });

    public static string FileOf(string workflowId) => $"workflows/{workflowId}.json";

    /// <summary>An optional GUID member of a body, or the problem naming it.</summary>
    public static (Guid? Value, IResult? Problem) OptionalId(JsonNode? body, string name)
    {
        if (body?[name] is not { } node) return (null, null);
        return node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id)
            ? (id, null)
            : (null, ApiProblems.Validation([new Platform.Records.Validation.FieldError($"/{name}", "must be a record id (a UUID)")], "The request is not valid"));
    }
}
