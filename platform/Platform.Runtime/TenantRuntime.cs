using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Records;
using Platform.Tenancy;

namespace Platform.Runtime;

/// <summary>What serving one tenant needs, built from its applied definitions and replaced when they change.</summary>
public sealed record TenantRuntime(TenantInfo Tenant, long SchemaVersion, PhysicalModel Model, RecordStore Store)
{
    public DefinitionSet Definitions => Model.Definitions;

    public string Id => Tenant.Id;

    public EntityDefinition? FindEntity(string name) => Definitions.Find(name);

    /// <summary>When this runtime was last known to match the tenant's schema version.</summary>
    public DateTime LoadedAt { get; set; } = DateTime.UtcNow;
}
