using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using Platform.Scripting;

namespace Platform.Metadata.Loading;

/// <summary>
/// Reads the script files an entity document references (hooks, actions) and the libraries module.json declares, and
/// checks their syntax and that of formulas and default expressions, and compiles actions' input schemas, so
/// validate/plan/apply report file, line and column instead of the first save failing. A declared library whose file is missing is reported by ScriptRules.
/// </summary>
public static class ModuleScripts
{
    public const string ScriptsFolder = "scripts";

    public static async Task<(Dictionary<string, string> Scripts, List<DefinitionError> Errors)> LoadAsync(
        string moduleFolder, ModuleManifest manifest, IEnumerable<SourcedDocument<EntityDefinition>> entities, CancellationToken ct)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<DefinitionError>();
        var root = Path.GetFullPath(moduleFolder);
        foreach (var (file, entity) in entities)
        {
            foreach (var (pointer, path) in References(entity))
            {
                if (scripts.ContainsKey(path)) continue;
                var full = Path.GetFullPath(Path.Combine(root, path));
                if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
                {
                    errors.Add(new DefinitionError(file, pointer, $"the script file '{path}' does not exist in the module folder"));
                    continue;
                }
                scripts[path] = await File.ReadAllTextAsync(full, ct);
            }
            errors.AddRange(CheckExpressions(file, entity));
            errors.AddRange(await CheckInputSchemasAsync(file, entity, ct));
        }
        var libraries = (manifest.Libraries ?? new Dictionary<string, string>()).Values.ToHashSet(StringComparer.Ordinal);
        foreach (var path in libraries)
            if (!scripts.ContainsKey(path) && Inside(root, path) is { } full && File.Exists(full))
                scripts[path] = await File.ReadAllTextAsync(full, ct);
        foreach (var (path, code) in scripts)
            if ((libraries.Contains(path) ? ScriptSyntax.CheckLibrary(new ScriptSource(path, code)) : ScriptSyntax.Check(new ScriptSource(path, code))) is { } error)
                errors.Add(new DefinitionError(Path.Combine(moduleFolder, path), "", $"syntax error at line {error.Line}, column {error.Column}: {error.Message}"));
        return (scripts, errors);
    }

    /// <summary>The full path of a file inside the module folder, or null for a path that leaves it.</summary>
    private static string? Inside(string root, string path)
    {
        var full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>Script paths with the JSON pointer of the property that names them.</summary>
    public static IEnumerable<(string Pointer, string Path)> References(EntityDefinition entity)
    {
        foreach (var (hook, path) in entity.Hooks?.All() ?? [])
            yield return (JsonPointer.Append("/hooks", hook), path);
        foreach (var (name, action) in entity.Actions)
            yield return (JsonPointer.Append(JsonPointer.Append("/actions", name), "script"), action.Script);
    }

    /// <summary>Compiles each action's input schema, as requests will use it (so a remote $ref is refused here, not fetched later).</summary>
    private static async Task<IEnumerable<DefinitionError>> CheckInputSchemasAsync(string file, EntityDefinition entity, CancellationToken ct)
    {
        var errors = new List<DefinitionError>();
        foreach (var (name, action) in entity.Actions)
        {
            if (action.InputSchema is not { } schema || (await ActionInputSchema.CompileAsync(schema, ct)).Error is not { } error) continue;
            errors.Add(new DefinitionError(file, JsonPointer.Append(JsonPointer.Append("/actions", name), "inputSchema"), error));
        }
        return errors;
    }

    private static IEnumerable<DefinitionError> CheckExpressions(string file, EntityDefinition entity)
    {
        for (var i = 0; i < entity.Fields.Count; i++)
        {
            var field = entity.Fields[i];
            foreach (var (property, code) in new[] { ("formula", field.Formula), ("defaultExpression", field.DefaultExpression) })
            {
                if (code is null || ScriptSyntax.Check(new ScriptSource($"{entity.Name}.{field.Name}.{property}", code)) is not { } error) continue;
                yield return new DefinitionError(file, JsonPointer.Append(JsonPointer.Append("/fields", i), property),
                    $"syntax error at column {error.Column}: {error.Message}");
            }
        }
    }
}
