using System.Text.Json;

namespace Platform.Api.Json;

/// <summary>
/// JSON may escape text the platform cannot take: a lone UTF-16 surrogate ("\ud800") parses, but no .NET string can be
/// read from it, and U+0000 ("\u0000") cannot be stored in PostgreSQL text; the first handler or database to meet
/// either would fail with a 500. Request bodies are checked once here and such a body is refused like any other body
/// that is not valid JSON text.
/// </summary>
internal static class JsonStrings
{
    /// <summary>Throws <see cref="JsonException"/> when a string or property name of <paramref name="json"/> holds a lone surrogate or U+0000.</summary>
    public static void ThrowOnUnstorableText(ReadOnlySpan<byte> json)
    {
        // Most bodies escape neither: they are not read twice.
        if (!MayEscapeUnacceptable(json)) return;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String)) continue;
            string? text;
            try
            {
                text = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                throw Refused(reader.TokenStartIndex);
            }
            if (text?.Contains('\0') == true) throw Refused(reader.TokenStartIndex);
        }
    }

    /// <summary>The same check on a parsed document (bodies read as a stream).</summary>
    public static void ThrowOnUnstorableText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Read(() => property.Name);
                    ThrowOnUnstorableText(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) ThrowOnUnstorableText(item);
                break;
            case JsonValueKind.String:
                Read(element.GetString);
                break;
        }
    }

    private static void Read(Func<string?> read)
    {
        string? text;
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            throw Refused(null);
        }
        if (text?.Contains('\0') == true) throw Refused(null);
    }

    private static JsonException Refused(long? at) => new(
        "A string or property name holds a lone UTF-16 surrogate (such as \\ud800) or the character U+0000, which the platform does not store" +
        (at is { } index ? $" (at byte {index})." : "."));

    /// <summary>Whether the text escapes a surrogate code unit (\uD800 to \uDFFF, in either case) or U+0000.</summary>
    private static bool MayEscapeUnacceptable(ReadOnlySpan<byte> json)
    {
        for (var at = json.IndexOf("\\u"u8); at >= 0 && at + 5 < json.Length; )
        {
            if ((json[at + 2] | 0x20) == 'd' && (json[at + 3] | 0x20) is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f')
                return true;
            if (json.Slice(at + 2, 4).SequenceEqual("0000"u8)) return true;
            var next = json[(at + 2)..].IndexOf("\\u"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }
        return false;
    }
}
