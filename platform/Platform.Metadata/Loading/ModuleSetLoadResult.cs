using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>The outcome of loading module folders: a definition set, or every error found.</summary>
/// <param name="Set">The valid definition set; null when there is any error.</param>
/// <param name="Errors">All syntax, schema and semantic errors, grouped by file.</param>
public sealed record ModuleSetLoadResult(DefinitionSet? Set, IReadOnlyList<DefinitionError> Errors)
{
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Set))]
    public bool Succeeded => Set is not null;
}
