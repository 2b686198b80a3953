using Platform.Runtime;

namespace Platform.Records.Security;

/// <summary>
/// The users of a tenant as permission checks, workflow activities ("the owner's manager") and scripts need them.
/// Implemented by the identity layer over the tenant's user tables.
/// </summary>
public interface IUserDirectory
{
    Task<DirectoryUser?> FindAsync(TenantRuntime runtime, Guid userId, CancellationToken ct);

    /// <summary>Ids of the users who belong to any of the given teams.</summary>
    Task<IReadOnlyCollection<Guid>> TeamMembersAsync(TenantRuntime runtime, IReadOnlyCollection<string> teams, CancellationToken ct);
}

public sealed record DirectoryUser(
    Guid Id, string UserName, string DisplayName, string? Email, string? BusinessUnit,
    IReadOnlyList<string> Teams, IReadOnlyList<string> Roles, Guid? ManagerId, bool IsActive);
