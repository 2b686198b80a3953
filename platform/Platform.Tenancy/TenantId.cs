using System.Text.RegularExpressions;

namespace Platform.Tenancy;

/// <summary>Tenant ids appear in URLs, file names and schema names, so they are short lowercase slugs.</summary>
public static partial class TenantId
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex Pattern();

    /// <summary>Path segments the platform itself uses beside tenant ids (/api/admin/..., /api/platform/...).</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal) { "admin", "platform", "api", "health", "auth", "system" };

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>Valid and not reserved: the test for a tenant about to be created (existing ones are only looked up).</summary>
    public static bool IsAvailable(string? id) => IsValid(id) && !Reserved.Contains(id!);

    public static void EnsureValid(string id)
    {
        if (!IsValid(id))
            throw new TenantRequestException($"'{id}' is not a valid tenant id: use 1-40 lowercase letters, digits or '-', starting with a letter.", nameof(id));
    }

    public static void EnsureAvailable(string id)
    {
        EnsureValid(id);
        if (Reserved.Contains(id)) throw new TenantRequestException($"'{id}' is reserved by the platform and cannot be a tenant id.", nameof(id));
    }
}
