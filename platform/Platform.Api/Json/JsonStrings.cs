using System.Text.Json;

namespace Platform.Api.Json;

/// <summary>
/// JSON may escape a lone UTF-16 surrogate ("\ud800"): it parses, but no .NET string can be read from it, so the first
/// handler that reads that property name or value would fail with a 500. Request bodies are checked once here and such
/// a body is refused like any other body that is not valid JSON text.
/// </summary>
internal static class JsonStrings
{
    /// <summary>Throws <see cref="JsonException"/> when a string or property name of <paramref name="json"/> holds a lone surrogate.</summary>
    public static void ThrowOnLoneSurrogates(ReadOnlySpan<byte> json)
    {
        // Most bodies escape no surrogate at all: they are not read twice.
        if (!MayEscapeSurrogate(json)) return;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String)) continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                throw Refused(reader.TokenStartIndex);
            }
        }
    }

    /// <summary>The same check on a parsed document (bodies read as a stream).</summary>
    public static void ThrowOnLoneSurrogates(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Read(() => property.Name);
                    ThrowOnLoneSurrogates(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) ThrowOnLoneSurrogates(item);
                break;
            case JsonValueKind.String:
                Read(element.GetString);
                break;
        }
    }

    private static void Read(Func<string?> read)
    {
        try
        {
            read();
        }
        catch (InvalidOperationException)
        {
            throw Refused(null);
        }
    }

    private static JsonException Refused(long? at) => new(
        "A string or property name holds a lone UTF-16 surrogate (such as \\ud800), which is not text" + (at is { } index ? $" (at byte {index})." : "."));

    /// <summary>Whether the text contains an escape of a surrogate code unit: \uD800 to \uDFFF, in either case.</summary>
    private static bool MayEscapeSurrogate(ReadOnlySpan<byte> json)
    {
        for (var at = json.IndexOf("\\u"u8); at >= 0 && at + 3 < json.Length; )
        {
            if ((json[at + 2] | 0x20) == 'd' && (json[at + 3] | 0x20) is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f')
                return true;
            var next = json[(at + 2)..].IndexOf("\\u"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }
        return false;
    }
}
