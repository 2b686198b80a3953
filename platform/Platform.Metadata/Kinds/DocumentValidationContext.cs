using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds;

/// <summary>The module set under validation, as a kind's rules see it: its modules and the entities they declare.</summary>
public sealed class DocumentValidationContext
{
    private readonly ValidationContext _inner;

    internal DocumentValidationContext(ValidationContext inner) => _inner = inner;

    public IReadOnlyList<ModuleDefinition> Modules => _inner.Modules;

    /// <summary>The entity of that name in the module set, if one loaded.</summary>
    public EntityDefinition? FindEntity(string name) => _inner.EntitiesByName.GetValueOrDefault(name)?.Entity;

    /// <summary>
    /// Whether a document of <paramref name="module"/> may name entity <paramref name="entity"/>: null when it may
    /// (or when the entity's own document failed to load, which is reported there), else what is wrong — no such
    /// entity, or one of a module <paramref name="module"/> does not depend on.
    /// </summary>
    public string? CheckEntity(ModuleDefinition module, string entity) => ReferenceRules.CheckTarget(_inner, module, entity);

    /// <summary>Whether <paramref name="module"/> depends on module <paramref name="other"/>, directly or through others.</summary>
    public bool DependsOn(ModuleDefinition module, string other) => _inner.DependencyClosure(module.Id).Contains(other);

    /// <summary>Whether the entity's document exists but failed to load: references to it are not reported again.</summary>
    public bool IsUnloaded(string entity) => _inner.Unloaded.EntityNames.Contains(entity);
}
