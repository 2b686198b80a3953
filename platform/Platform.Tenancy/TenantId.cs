using System.Text.RegularExpressions;

namespace Platform.Tenancy;

/// <summary>Tenant ids appear in URLs, file names and schema names, so they are short lowercase slugs.</summary>
public static partial class TenantId
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static void EnsureValid(string id)
    {
        if (!IsValid(id))
            throw new ArgumentException($"'{id}' is not a valid tenant id: use 1-40 lowercase letters, digits or '-', starting with a letter.", nameof(id));
    }
}
