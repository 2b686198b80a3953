using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Records.Scripting;

/// <summary>
/// The scripts of one tenant's applied definitions — files, expressions, libraries and limits — built once per
/// definition set, so a save never re-hashes script text. A definition set is shared only by tenants whose documents
/// and script files are all equal (its version hashes them all). Files are keyed by module and path: an entity's hooks
/// and actions name files of its own module, so two modules that both ship <c>scripts/rules.js</c> each run their own.
/// </summary>
public sealed class TenantScripts
{
    private static readonly ConditionalWeakTable<DefinitionSet, TenantScripts> Cache = new();

    private readonly Dictionary<(string Module, string Path), ScriptSource> _files = new();
    private readonly Dictionary<string, string> _moduleOfEntity = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Code), ScriptSource> _expressions = new();
    private readonly ConcurrentDictionary<(string Entity, string Action), Lazy<Task<(ActionInputSchema? Schema, string? Error)>>> _inputSchemas = new();

    private TenantScripts(DefinitionSet definitions)
    {
        foreach (var module in definitions.Modules)
        {
            foreach (var (path, code) in module.Scripts)
                _files[(module.Id, path)] = new ScriptSource(path, code);
            foreach (var entity in module.Entities)
                _moduleOfEntity[entity.Document.Name] = module.Id;
        }
        var libraries = new Dictionary<string, ScriptSource>(StringComparer.Ordinal);
        foreach (var module in definitions.Modules)
            foreach (var (name, path) in module.Manifest.Libraries ?? new Dictionary<string, string>())
                if (module.Scripts.TryGetValue(path, out var code)) libraries[name] = new ScriptSource(path, code);
        Libraries = libraries;
        // Modules come in dependency order, so a tenant's own module overrides what a shipped module set.
        HookLimits = TenantScriptLimits.Apply(ScriptLimits.Hook, definitions.Modules.Select(m => m.Manifest.ScriptLimits?.Hook));
        ActionLimits = TenantScriptLimits.Apply(ScriptLimits.Action, definitions.Modules.Select(m => m.Manifest.ScriptLimits?.Action));
    }

    public static TenantScripts Of(TenantRuntime runtime) => Cache.GetValue(runtime.Definitions, d => new TenantScripts(d));

    /// <summary>Library name to script, for <c>require(name)</c>.</summary>
    public IReadOnlyDictionary<string, ScriptSource> Libraries { get; }

    /// <summary>Limits of hooks, formulas and defaults: the platform's defaults with the tenant's overrides.</summary>
    public ScriptLimits HookLimits { get; }

    /// <summary>Limits of custom actions.</summary>
    public ScriptLimits ActionLimits { get; }

    /// <summary>A script file of the module that defines <paramref name="entity"/> (its hooks and actions name them).</summary>
    public ScriptSource File(EntityDefinition entity, string path) => FindFile(entity, path)
        ?? throw new RecordScriptException(new ScriptError(path, 0, 0, $"the script '{path}' is not part of the applied modules", ScriptErrorKind.Runtime));

    public ScriptSource? FindFile(EntityDefinition entity, string path) =>
        _moduleOfEntity.TryGetValue(entity.Name, out var module) ? _files.GetValueOrDefault((module, path)) : null;

    /// <summary>
    /// The action's compiled input schema (null when it has none), built once per definitions: never per request, and
    /// never fetching anything (only references inside the schema resolve).
    /// </summary>
    public async Task<ActionInputSchema?> InputSchemaAsync(EntityDefinition entity, string action, ActionDefinition definition)
    {
        if (definition.InputSchema is not { } schema) return null;
        var compiled = await _inputSchemas.GetOrAdd((entity.Name, action),
            _ => new Lazy<Task<(ActionInputSchema? Schema, string? Error)>>(() => ActionInputSchema.CompileAsync(schema, CancellationToken.None))).Value;
        return compiled.Schema ?? throw new RecordScriptException(new ScriptError(definition.Script, 0, 0,
            $"the action '{action}' of '{entity.Name}': {compiled.Error}", ScriptErrorKind.Runtime));
    }

    /// <summary>A formula or default expression, named "entity.field.kind".</summary>
    public ScriptSource Expression(string name, string code) => _expressions.GetOrAdd((name, code), k => new ScriptSource(k.Name, k.Code));
}
