using System.Text.RegularExpressions;

namespace Platform.Identity.Users;

/// <summary>User names are logins: short, printable, compared without regard to case.</summary>
public static partial class UserNames
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public const string Rule = "1-100 letters, digits or . _ @ + -, starting with a letter or digit";
}
