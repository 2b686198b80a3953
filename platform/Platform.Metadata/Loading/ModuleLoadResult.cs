using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>The outcome of loading one module folder, before validation against the other modules.</summary>
/// <param name="Module">The module with the entities that loaded; null when its module.json did not load.</param>
/// <param name="Errors">Syntax and schema errors of the folder's documents.</param>
/// <param name="BrokenModuleId">The id of a module whose module.json did not load (from the file or else the folder name).</param>
/// <param name="BrokenEntities">Names of entities whose documents did not load (from their file names).</param>
public sealed record ModuleLoadResult(
    ModuleDefinition? Module,
    IReadOnlyList<DefinitionError> Errors,
    string? BrokenModuleId,
    IReadOnlyList<string> BrokenEntities)
{
    /// <summary>Entity documents that failed their schema but could be read for the semantic rules (see <see cref="EntitySalvage"/>).</summary>
    internal IReadOnlyList<SalvagedEntity> Salvaged { get; init; } = [];
}
