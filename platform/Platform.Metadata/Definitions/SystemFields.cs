namespace Platform.Metadata.Definitions;

/// <summary>Columns every entity table has; their names are reserved for documents.</summary>
public static class SystemFields
{
    public const string Id = "id";
    public const string CreatedAt = "created_at";
    public const string CreatedBy = "created_by";
    public const string ModifiedAt = "modified_at";
    public const string ModifiedBy = "modified_by";
    public const string Owner = "owner";
    public const string RowVersion = "row_version";
    /// <summary>The business unit of the owner, stamped on create and assign, so business-unit scope is one indexed column test.</summary>
    public const string OwningBusinessUnit = "owning_business_unit";

    public static readonly IReadOnlyList<string> All = [Id, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy, Owner, OwningBusinessUnit, RowVersion];

    public static bool IsSystem(string name) => All.Contains(name);

    /// <summary>Tables owned by the platform itself start with this; entity names may not.</summary>
    public const string PlatformTablePrefix = "platform_";
}
