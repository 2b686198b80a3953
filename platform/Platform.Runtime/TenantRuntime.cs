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

    /// <summary>Active or suspended: read from the catalog when the runtime loads and re-read when it is revalidated.</summary>
    public TenantStatus Status { get; set; } = Tenant.Status;

    /// <summary>When this runtime was last known to match the tenant's schema version.</summary>
    public DateTime LoadedAt { get; set; } = DateTime.UtcNow;
}
