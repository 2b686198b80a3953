using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Platform.Metadata.Validation;

/// <summary>
/// Applies draft-07 <c>if</c>/<c>then</c>/<c>else</c>, which NJsonSchema reads but does not enforce.
/// It walks the raw schema beside the document (following <c>$ref</c>, <c>allOf</c>, <c>properties</c> and <c>items</c>,
/// the keywords our schemas nest conditionals under) and lets NJsonSchema check each branch.
/// </summary>
internal sealed class ConditionalSchemas
{
    private readonly JsonObject _root;
    private readonly Dictionary<JsonObject, Conditional> _conditionals;

    private ConditionalSchemas(JsonObject root, Dictionary<JsonObject, Conditional> conditionals)
    {
        _root = root;
        _conditionals = conditionals;
    }

    public static async Task<ConditionalSchemas> CompileAsync(string schemaText)
    {
        var root = JsonNode.Parse(schemaText)?.AsObject() ?? throw new InvalidOperationException("A schema must be an object.");
        var conditionals = new Dictionary<JsonObject, Conditional>(ReferenceEqualityComparer.Instance);
        foreach (var node in Descendants(root).Where(n => n.ContainsKey("if")))
        {
            conditionals[node] = new Conditional(
                await CompileBranchAsync(node["if"]) ?? throw new InvalidOperationException("'if' must hold a schema."),
                await CompileBranchAsync(node["then"]),
                await CompileBranchAsync(node["else"]),
                node["then"]?["description"]?.GetValue<string>(),
                node["else"]?["description"]?.GetValue<string>());
        }
        return new ConditionalSchemas(root, conditionals);
    }

    /// <summary>The errors of the branches that apply.</summary>
    public IEnumerable<ConditionalError> Validate(JToken document) => Walk(_root, document, depth: 0);

    private IEnumerable<ConditionalError> Walk(JsonObject schema, JToken token, int depth)
    {
        // Recursive $refs (none today) would loop on a malformed document without this guard.
        if (depth > 64) yield break;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            foreach (var error in Walk(Resolve(reference), token, depth + 1)) yield return error;
        }
        foreach (var part in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var error in Walk(part, token, depth + 1)) yield return error;
        }
        if (_conditionals.TryGetValue(schema, out var conditional))
        {
            foreach (var error in conditional.Validate(token)) yield return new ConditionalError(error.Error, error.Hint);
        }
        if (token is JObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                if (propertySchema is not JsonObject child || !obj.TryGetValue(name, out var value)) continue;
                foreach (var error in Walk(child, value, depth + 1)) yield return error;
            }
        }
        if (token is JArray array && schema["items"] is JsonObject items)
        {
            foreach (var item in array)
            {
                foreach (var error in Walk(items, item, depth + 1)) yield return error;
            }
        }
    }

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/definitions/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal) || _root["definitions"]?[reference[prefix.Length..]] is not JsonObject target)
            throw new InvalidOperationException($"Only local '{prefix}…' references are supported, not '{reference}'.");
        return target;
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).SelectMany(Descendants).Prepend(obj),
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };

    private static async Task<JsonSchema?> CompileBranchAsync(JsonNode? branch) =>
        branch is null ? null : await JsonSchema.FromJsonAsync(branch.ToJsonString());

    private sealed record Conditional(JsonSchema If, JsonSchema? Then, JsonSchema? Else, string? ThenHint, string? ElseHint)
    {
        public IEnumerable<(NJsonSchema.Validation.ValidationError Error, string? Hint)> Validate(JToken token)
        {
            var matches = If.Validate(token).Count == 0;
            var (branch, hint) = matches ? (Then, ThenHint) : (Else, ElseHint);
            return branch is null ? [] : SchemaErrorMessages.Flatten(branch.Validate(token)).Select(e => (e, hint));
        }
    }
}
