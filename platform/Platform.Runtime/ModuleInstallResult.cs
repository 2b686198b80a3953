using Platform.Metadata.Validation;
using Platform.Storage.Schema;
using Platform.Tenancy;

namespace Platform.Runtime;

/// <summary>The outcome of planning or applying modules on a tenant.</summary>
/// <param name="Errors">Definition errors; when any exist nothing was planned.</param>
/// <param name="Applied">Set by apply: what happened (applied, unchanged, or refused with a reason).</param>
public sealed record ModuleInstallResult(
    TenantInfo? Tenant,
    IReadOnlyList<DefinitionError> Errors,
    SchemaPlan? Plan,
    SchemaApplyResult? Applied)
{
    public bool HasErrors => Errors.Count > 0;

    public bool Refused => Applied?.Refused ?? false;
}
