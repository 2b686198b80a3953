using Platform.Metadata.Kinds;
using Platform.Metadata.Loading;

namespace Platform.Metadata.Validation;

/// <summary>Checks one document's text against its JSON Schema (e.g. while a consultant edits it in the designer).</summary>
public static class SchemaValidator
{
    /// <summary>Syntax and schema errors of <paramref name="json"/>; empty when the document is valid.</summary>
    /// <param name="file">The name to report errors under.</param>
    public static async Task<IReadOnlyList<DefinitionError>> ValidateAsync(DocumentKind kind, string json, string file)
    {
        var errors = new List<DefinitionError>();
        var parsed = JsonDocumentParser.Parse(json, file, errors);
        if (parsed is null) return errors;
        var schema = await DocumentSchema.GetAsync(kind);
        return schema.Validate(parsed.Token, file);
    }
}
