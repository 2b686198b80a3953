using System.Text.RegularExpressions;
using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>
/// The naming rules the schemas state, repeated for modules built in memory, plus those a pattern cannot say.
/// </summary>
internal static partial class NameRules
{
    public const int MaxLength = 50;

    /// <summary>Generated names (junction tables, constraints) join names with "__", so no name may contain it.</summary>
    public const string Separator = "__";

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ModuleIdPattern();

    /// <summary>Why an entity, field, relation or index name is invalid, or null.</summary>
    public static string? CheckName(string name, string what)
    {
        if (!NamePattern().IsMatch(name))
            return $"'{name}' is not a valid {what} name: expected lowercase letters, digits and underscores, starting with a letter";
        if (name.Length > MaxLength) return $"'{name}' is too long: a {what} name has at most {MaxLength} characters";
        if (name.Contains(Separator, StringComparison.Ordinal))
            return $"'{name}' contains '{Separator}', which the platform reserves to join names in generated tables";
        return null;
    }

    /// <summary>
    /// Sub-routes every record has (…/data/{entity}/{id}/audit, shares, share, assign, actions/{name}): a relation of
    /// the same name would be shadowed by them, so these names are refused.
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedRelationNames = ["audit", "shares", "share", "assign", "actions"];

    /// <summary>Why a relation name is invalid, or null.</summary>
    public static string? CheckRelationName(string name) =>
        CheckName(name, "relation") ?? (ReservedRelationNames.Contains(name)
            ? $"'{name}' is a route every record has (…/{{id}}/{name}); reserved relation names are {string.Join(", ", ReservedRelationNames)}"
            : null);

    /// <summary>Why an entity name is invalid, or null.</summary>
    public static string? CheckEntityName(string name) =>
        CheckName(name, "entity") ?? (name.StartsWith(SystemFields.PlatformTablePrefix, StringComparison.Ordinal)
            ? $"'{name}' starts with '{SystemFields.PlatformTablePrefix}', which is reserved for the platform's own tables"
            : null);

    public static string? CheckModuleId(string id)
    {
        if (!ModuleIdPattern().IsMatch(id))
            return $"'{id}' is not a valid module id: expected lowercase letters, digits and hyphens, starting with a letter";
        return id.Length > MaxLength ? $"'{id}' is too long: a module id has at most {MaxLength} characters" : null;
    }
}
