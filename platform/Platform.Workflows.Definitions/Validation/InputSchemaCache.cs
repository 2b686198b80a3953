using System.Collections.Concurrent;
using NJsonSchema;
using Platform.Workflows.Activities;

namespace Platform.Workflows.Validation;

/// <summary>Compiled JSON Schemas of activity inputs, by type and input name (they do not change while the process runs).</summary>
internal static class InputSchemaCache
{
    private static readonly ConcurrentDictionary<(string Type, string Input), Lazy<JsonSchema>> Compiled = new();

    public static JsonSchema For(IActivityDescription type, ActivityInput input) =>
        Compiled.GetOrAdd((type.Type, input.Name), _ => new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(input.Schema.ToJsonString()).GetAwaiter().GetResult())).Value;
}
