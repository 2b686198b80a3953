using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Platform.Metadata.Validation;
using NewtonsoftJson = Newtonsoft.Json;

namespace Platform.Metadata.Loading;

/// <summary>Parses a document's text, reporting malformed JSON with its line and position.</summary>
internal static class JsonDocumentParser
{
    // The same leniency as DefinitionJson.Options, so whatever parses here also deserializes.
    private static readonly JsonDocumentOptions SyntaxOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonLoadSettings TokenSettings = new()
    {
        CommentHandling = CommentHandling.Ignore,
        LineInfoHandling = LineInfoHandling.Load,
        // JsonObject fails on duplicate keys only later and without a location; Newtonsoft reports the line.
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    public static ParsedDocument? Parse(string text, string file, ICollection<DefinitionError> errors)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: SyntaxOptions);
        }
        catch (JsonException e)
        {
            errors.Add(SyntaxError(file, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, StripLocation(e.Message, " LineNumber:")));
            return null;
        }

        JToken token;
        try
        {
            using var reader = new NewtonsoftJson.JsonTextReader(new StringReader(text))
            {
                // Keep ISO dates as text: the schema checks types, and "2024-01-01" is a string there.
                DateParseHandling = NewtonsoftJson.DateParseHandling.None,
                FloatParseHandling = NewtonsoftJson.FloatParseHandling.Decimal,
            };
            token = JToken.Load(reader, TokenSettings);
        }
        catch (NewtonsoftJson.JsonReaderException e)
        {
            errors.Add(SyntaxError(file, e.LineNumber, e.LinePosition, StripLocation(e.Message, " Path '")));
            return null;
        }

        if (node is null)
        {
            errors.Add(new DefinitionError(file, JsonPointer.Root, "the file is empty; expected a JSON object"));
            return null;
        }
        return new ParsedDocument(token, node);
    }

    private static DefinitionError SyntaxError(string file, long line, long position, string message) =>
        new(file, JsonPointer.Root, $"malformed JSON at line {line}, position {position}: {message}");

    private static string StripLocation(string message, string marker)
    {
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).Trim();
    }
}
