using Platform.Records.Security;

namespace Platform.Identity.Users;

/// <summary>One row of platform_users. The password hash never leaves Platform.Identity's services.</summary>
public sealed record PlatformUser(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? PasswordHash,
    bool IsActive,
    string? BusinessUnit,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Roles,
    Guid? ManagerId,
    int FailedLogins,
    DateTime? LockoutEnd,
    DateTime CreatedAt,
    DateTime ModifiedAt)
{
    public bool IsLockedOut(DateTime now) => LockoutEnd is { } end && end > now;

    public DirectoryUser ToDirectoryUser() => new(Id, UserName, DisplayName, Email, BusinessUnit, Teams, Roles, ManagerId, IsActive);
}
