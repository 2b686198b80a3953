using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>Reads one document: JSON syntax, then its JSON Schema, then the definition model.</summary>
internal static class DocumentReader
{
    /// <summary>The editor hint every document may carry; the model has no place for it.</summary>
    private const string SchemaProperty = "$schema";

    public static async Task<DocumentReadResult<T>> ReadAsync<T>(DocumentKind kind, string path, string file, CancellationToken cancellationToken)
        where T : class
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DocumentReadResult<T>(null, null, [new DefinitionError(file, JsonPointer.Root, $"the file cannot be read: {e.Message}")]);
        }
        return await ReadTextAsync<T>(kind, text, file);
    }

    public static async Task<DocumentReadResult<T>> ReadTextAsync<T>(DocumentKind kind, string text, string file)
        where T : class
    {
        var errors = new List<DefinitionError>();
        var parsed = JsonDocumentParser.Parse(text, file, errors);
        if (parsed is null) return new DocumentReadResult<T>(null, null, errors);

        var schema = await DocumentSchema.GetAsync(kind);
        errors.AddRange(schema.Validate(parsed.Token, file));
        if (errors.Count > 0) return new DocumentReadResult<T>(null, parsed.Node, errors);

        try
        {
            var node = parsed.Node.DeepClone();
            if (node is JsonObject obj) obj.Remove(SchemaProperty);
            var document = node.Deserialize<T>(DefinitionJson.Options) ?? throw new JsonException("The document is empty.");
            return new DocumentReadResult<T>(document, parsed.Node, errors);
        }
        catch (JsonException e)
        {
            // The schema should have caught this; report it rather than fail the whole load.
            errors.Add(new DefinitionError(file, JsonPointer.FromPath(e.Path ?? ""), StripLocation(e.Message)));
            return new DocumentReadResult<T>(null, parsed.Node, errors);
        }
    }

    private static string StripLocation(string message)
    {
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
