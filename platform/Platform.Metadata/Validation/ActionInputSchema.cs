using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.References;

namespace Platform.Metadata.Validation;

/// <summary>
/// An action's <c>inputSchema</c>, compiled once (checked when modules are loaded for validate, plan and apply, and built
/// once per applied definitions for requests). Only references inside the schema itself (<c>#/...</c>) resolve: a
/// <c>$ref</c> to a URL or a file is an error, so no request ever leaves the server because of a module's schema.
/// </summary>
public sealed class ActionInputSchema
{
    private readonly JsonSchema _schema;

    private ActionInputSchema(JsonSchema schema) => _schema = schema;

    /// <summary>The compiled schema, or why it cannot be compiled.</summary>
    public static async Task<(ActionInputSchema? Schema, string? Error)> CompileAsync(JsonObject schema, CancellationToken ct)
    {
        try
        {
            var compiled = await JsonSchema.FromJsonAsync(schema.ToJsonString(), documentPath: null,
                root => new LocalReferencesOnly(new JsonSchemaAppender(root, new DefaultTypeNameGenerator())), ct);
            return (new ActionInputSchema(compiled), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"the input schema cannot be compiled: {(e as RemoteReferenceException ?? e.InnerException as RemoteReferenceException)?.Message ?? e.Message}");
        }
    }

    /// <summary>Every error of <paramref name="json"/> against the schema, with its JSON pointer in the input.</summary>
    public IReadOnlyList<(string Pointer, string Message)> Validate(string json) =>
        SchemaErrorMessages.Flatten(_schema.Validate(json))
            .Select(e => (JsonPointer.FromPath(e.Path ?? ""), SchemaErrorMessages.Describe(e)))
            .ToList();

    /// <summary>Resolves <c>#/...</c> references within the document and refuses every other one.</summary>
    private sealed class LocalReferencesOnly(JsonSchemaAppender appender) : JsonReferenceResolver(appender)
    {
        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new RemoteReferenceException(filePath);

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new RemoteReferenceException(url);
    }

    private sealed class RemoteReferenceException(string reference)
        : Exception($"'$ref' names '{reference}' outside the schema; only references inside it ('#/...') are allowed");
}
