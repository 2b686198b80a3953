using Platform.Metadata.Definitions.Security;

namespace Platform.Records.Security;

/// <summary>A user's effective privileges on one entity: the widest scope of each privilege over their roles, and field restrictions.</summary>
public sealed class EntityAccess(IReadOnlyDictionary<Privilege, PrivilegeScope> scopes, IReadOnlyDictionary<string, FieldAccess> restrictedFields)
{
    public PrivilegeScope Scope(Privilege privilege) => scopes.GetValueOrDefault(privilege, PrivilegeScope.None);

    /// <summary>Fields whose access is less than full; every other field is fully readable and writable.</summary>
    public IReadOnlyDictionary<string, FieldAccess> RestrictedFields { get; } = restrictedFields;

    public FieldAccess Field(string name) => RestrictedFields.TryGetValue(name, out var access) ? access : FieldAccess.Full;

    public static EntityAccess Unrestricted { get; } = new(
        Enum.GetValues<Privilege>().ToDictionary(p => p, _ => PrivilegeScope.Tenant), new Dictionary<string, FieldAccess>());
}
