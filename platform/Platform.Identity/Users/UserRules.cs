using Platform.Identity.Passwords;
using Platform.Records.Validation;

namespace Platform.Identity.Users;

/// <summary>Field checks on a user's profile and membership, reported as JSON pointers into the request body.</summary>
internal static class UserRules
{
    private const int MaxNameLength = 100;

    public static void CheckProfile(PlatformUser user, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(user.DisplayName) || user.DisplayName.Length > 200)
            errors.Add(new FieldError("/display_name", "A display name of 1-200 characters is required."));
        if (user.Email is { } email && (email.Length > 320 || email.IndexOf('@') is < 1 || email.EndsWith('@')))
            errors.Add(new FieldError("/email", $"'{email}' is not an email address."));
        if (user.BusinessUnit is { } unit && !IsName(unit))
            errors.Add(new FieldError("/business_unit", $"A business unit name has 1-{MaxNameLength} characters."));
        CheckNames(user.Teams, "/teams", errors);
        CheckNames(user.Roles, "/roles", errors);
        if (user.ManagerId == user.Id) errors.Add(new FieldError("/manager_id", "A user cannot be their own manager."));
    }

    public static void CheckPassword(string? password, string pointer, List<FieldError> errors)
    {
        if (PasswordRules.Check(password) is { } problem) errors.Add(new FieldError(pointer, problem));
    }

    private static void CheckNames(IReadOnlyList<string> names, string pointer, List<FieldError> errors)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (!IsName(names[i])) errors.Add(new FieldError($"{pointer}/{i}", $"A name has 1-{MaxNameLength} characters."));
        }
    }

    private static bool IsName(string name) => !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength;

    /// <summary>Trimmed, without duplicates (case-insensitive), in the order given.</summary>
    public static IReadOnlyList<string> Clean(IReadOnlyList<string>? names) =>
        (names ?? []).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
