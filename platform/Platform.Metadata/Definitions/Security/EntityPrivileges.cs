namespace Platform.Metadata.Definitions.Security;

/// <summary>A role's privileges on one entity; a privilege left out is not granted.</summary>
public sealed record EntityPrivileges
{
    public PrivilegeScope? Create { get; init; }
    public PrivilegeScope? Read { get; init; }
    public PrivilegeScope? Update { get; init; }
    public PrivilegeScope? Delete { get; init; }
    public PrivilegeScope? Assign { get; init; }
    public PrivilegeScope? Share { get; init; }

    public PrivilegeScope Scope(Privilege privilege) => (privilege switch
    {
        Privilege.Create => Create,
        Privilege.Read => Read,
        Privilege.Update => Update,
        Privilege.Delete => Delete,
        Privilege.Assign => Assign,
        _ => Share,
    }) ?? PrivilegeScope.None;
}
