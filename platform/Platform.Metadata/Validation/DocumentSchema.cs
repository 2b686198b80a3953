using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Platform.Metadata.FieldTypes;
using Platform.Metadata.Kinds;

namespace Platform.Metadata.Validation;

/// <summary>A document kind's JSON Schema, compiled once per process, that reports errors as <see cref="DefinitionError"/>s.</summary>
internal sealed class DocumentSchema
{
    // By schema file: a kind's schema is compiled once per process, whichever instance of the kind asks. The entity schema
    // lists the field types, so it is compiled again when a type is registered (keyed by their count).
    private static readonly ConcurrentDictionary<(string File, int Types), Lazy<Task<DocumentSchema>>> Compiled = new();

    private readonly JsonSchema _schema;
    private readonly ConditionalSchemas _conditionals;

    private DocumentSchema(JsonSchema schema, ConditionalSchemas conditionals)
    {
        _schema = schema;
        _conditionals = conditionals;
    }

    public static Task<DocumentSchema> GetAsync(DocumentKind kind)
    {
        var types = ListsFieldTypes(kind) ? FieldTypeRegistry.Default.All : [];
        return Compiled.GetOrAdd((SchemaDocuments.FileNameOf(kind), types.Count), _ => new Lazy<Task<DocumentSchema>>(() => CompileAsync(kind, types))).Value;
    }

    private static bool ListsFieldTypes(DocumentKind kind) => SchemaDocuments.ListsFieldTypes(kind);

    private static async Task<DocumentSchema> CompileAsync(DocumentKind kind, IReadOnlyList<FieldTypeDescriptor> types)
    {
        var text = SchemaDocuments.GetText(kind);
        if (ListsFieldTypes(kind)) text = EntitySchemaFieldTypes.Apply(text, types);
        return new DocumentSchema(await JsonSchema.FromJsonAsync(text), await ConditionalSchemas.CompileAsync(text));
    }

    /// <summary>All schema errors of the document, in document order.</summary>
    public IReadOnlyList<DefinitionError> Validate(JToken document, string file)
    {
        var plain = SchemaErrorMessages.Flatten(_schema.Validate(document))
            .Select(e => (Error: e, Pointer: PointerOf(e), Message: SchemaErrorMessages.Describe(e)));
        var conditional = _conditionals.Validate(document)
            .Select(c => (c.Error, Pointer: PointerOf(c.Error), Message: WithHint(SchemaErrorMessages.Describe(c.Error), c.Hint)));
        return plain.Concat(conditional)
            .OrderBy(e => e.Error.HasLineInfo ? e.Error.LineNumber : int.MaxValue)
            .ThenBy(e => e.Error.HasLineInfo ? e.Error.LinePosition : int.MaxValue)
            .Select(e => new DefinitionError(file, e.Pointer, e.Message))
            .Distinct()
            .ToList();
    }

    // NJsonSchema builds paths from the token's place in the whole document, also when a branch validated a sub-token.
    private static string PointerOf(ValidationError error) => JsonPointer.FromPath(error.Path ?? "");

    private static string WithHint(string message, string? hint) => hint is null ? message : $"{message}. {hint}";
}
