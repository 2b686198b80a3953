namespace Platform.Identity.Users;

/// <summary>What an administrator gives to create a user.</summary>
public sealed record NewUser(
    string? UserName,
    string? Password,
    string? DisplayName = null,
    string? Email = null,
    string? BusinessUnit = null,
    IReadOnlyList<string>? Teams = null,
    IReadOnlyList<string>? Roles = null,
    Guid? ManagerId = null,
    bool IsActive = true);
