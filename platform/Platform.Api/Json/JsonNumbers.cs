using System.Text.Json;

namespace Platform.Api.Json;

/// <summary>
/// Whole numbers beyond 64 bits: valid JSON, but NJsonSchema (through Newtonsoft's BigInteger) fails on them with an
/// exception instead of an error, so inputs checked against a tenant's schema are refused with a pointer first.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>The JSON pointer of the first whole number outside the 64-bit range, or null.</summary>
    public static string? FirstTooLarge(JsonElement element, string pointer = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                var text = element.GetRawText();
                return text.AsSpan().IndexOfAny(".eE") < 0 && !element.TryGetInt64(out _) ? pointer : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    if (FirstTooLarge(property.Value, $"{pointer}/{property.Name.Replace("~", "~0").Replace("/", "~1")}") is { } found) return found;
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (FirstTooLarge(item, $"{pointer}/{index++}") is { } found) return found;
                return null;
            default:
                return null;
        }
    }
}
