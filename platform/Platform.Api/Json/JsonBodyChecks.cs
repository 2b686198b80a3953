using System.Text.Json;

namespace Platform.Api.Json;

/// <summary>
/// What every JSON request body must be beyond well-formed, checked once where bodies are read: no property named
/// twice in one object (which value would count is anyone's guess, and JsonObject throws on it deep inside a save) and
/// no text the platform cannot take (<see cref="JsonStrings"/>). A body that fails is refused like invalid JSON (400).
/// </summary>
internal static class JsonBodyChecks
{
    private static readonly JsonDocumentOptions UniqueNames = new() { AllowDuplicateProperties = false };

    public static void ThrowIfUnacceptable(ReadOnlyMemory<byte> body)
    {
        // An empty body means "no input" to the routes that allow one; the others refuse it when they parse it.
        if (body.IsEmpty) return;
        // Text first: comparing names that hold a lone surrogate would throw something other than a JsonException.
        JsonStrings.ThrowOnUnstorableText(body.Span);
        using (JsonDocument.Parse(body, UniqueNames)) { }
    }
}
