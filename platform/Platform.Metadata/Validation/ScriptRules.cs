using System.Text.RegularExpressions;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>
/// Rules on scripts across a module set: declared libraries exist and have one owner, every require('name') names a
/// library of the set, and scriptLimits overrides stay within <see cref="ScriptLimitBounds"/>.
/// </summary>
internal static partial class ScriptRules
{
    public static IEnumerable<DefinitionError> Check(ValidationContext context)
    {
        var owners = new Dictionary<string, ModuleDefinition>(StringComparer.Ordinal);
        foreach (var module in context.Modules)
        {
            foreach (var (name, path) in module.Manifest.Libraries ?? new Dictionary<string, string>())
            {
                var pointer = JsonPointer.Append("/libraries", name);
                if (!LibraryName().IsMatch(name))
                    yield return context.ModuleError(module, pointer, $"'{name}' is not a valid library name: letters, digits, '-' and '_', starting with a letter");
                if (!owners.TryAdd(name, module))
                    yield return context.ModuleError(module, pointer, $"library '{name}' is already declared by module '{owners[name].Id}'");
                if (!module.Scripts.ContainsKey(path))
                    yield return context.ModuleError(module, pointer, $"the library file '{path}' does not exist in the module folder");
            }
            foreach (var error in CheckLimits(context, module)) yield return error;
        }

        foreach (var module in context.Modules)
        {
            foreach (var (path, code) in module.Scripts)
                foreach (var (name, line) in Requires(code))
                    if (!owners.ContainsKey(name))
                        yield return new DefinitionError(ScriptFile(module, path), "", $"line {line}: require('{name}') names no library; {Declared(owners)}");
            foreach (var (file, entity) in module.Entities)
                for (var i = 0; i < entity.Fields.Count; i++)
                    foreach (var (property, code) in new[] { ("formula", entity.Fields[i].Formula), ("defaultExpression", entity.Fields[i].DefaultExpression) })
                        foreach (var (name, _) in Requires(code ?? ""))
                            if (!owners.ContainsKey(name))
                                yield return new DefinitionError(file, JsonPointer.Append(JsonPointer.Append("/fields", i), property),
                                    $"require('{name}') names no library; {Declared(owners)}");
        }
    }

    private static IEnumerable<DefinitionError> CheckLimits(ValidationContext context, ModuleDefinition module)
    {
        foreach (var (kind, overrides) in new[] { ("hook", module.Manifest.ScriptLimits?.Hook), ("action", module.Manifest.ScriptLimits?.Action) })
            foreach (var (name, value) in overrides?.Values() ?? [])
            {
                var max = ScriptLimitBounds.Maxima[name];
                if (value < 1 || value > max)
                    yield return context.ModuleError(module, $"/scriptLimits/{kind}/{name}", $"{value} is out of range: {name} must be between 1 and {max}");
            }
    }

    /// <summary>Library names required with a literal argument, with their line (dynamic names are checked when they run).</summary>
    internal static IEnumerable<(string Name, int Line)> Requires(string code)
    {
        foreach (Match match in RequireCall().Matches(code))
            yield return (match.Groups["name"].Value, 1 + code.AsSpan(0, match.Index).Count('\n'));
    }

    private static string Declared(Dictionary<string, ModuleDefinition> owners) =>
        owners.Count == 0 ? "no module declares libraries" : "declared: " + string.Join(", ", owners.Keys.Order(StringComparer.Ordinal));

    private static string ScriptFile(ModuleDefinition module, string path) =>
        module.SourcePath is { } folder ? Path.Combine(folder, path) : $"{module.Id}/{path}";

    [GeneratedRegex(@"\brequire\s*\(\s*(['""])(?<name>[^'""]*)\1\s*\)")]
    private static partial Regex RequireCall();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex LibraryName();
}
