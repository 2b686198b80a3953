using Platform.Metadata.Definitions.Security;
using Platform.Records.Validation;
using Platform.Runtime;

namespace Platform.Identity.Users;

/// <summary>
/// Role, team and business-unit names given to a user must name documents of the tenant (or the built-in
/// <c>admin</c> role), exactly as spelt: a typo would grant nothing today and whatever a later document of that name grants.
/// Only names a change adds are checked, so a user keeps names whose documents a later apply removed.
/// </summary>
internal static class MembershipNames
{
    public static void Check(TenantRuntime runtime, PlatformUser? before, PlatformUser after, List<FieldError> errors)
    {
        var definitions = runtime.Definitions;
        CheckList(after.Roles, before?.Roles, "/roles", name => name == RoleDefinition.BuiltInAdministrator || definitions.Roles.ContainsKey(name), "role", errors);
        CheckList(after.Teams, before?.Teams, "/teams", definitions.Teams.ContainsKey, "team", errors);
        if (after.BusinessUnit is { } unit && unit != before?.BusinessUnit && !definitions.BusinessUnits.ContainsKey(unit))
            errors.Add(new FieldError("/business_unit", $"There is no business unit '{unit}'."));
    }

    private static void CheckList(IReadOnlyList<string> names, IReadOnlyList<string>? previous, string pointer, Func<string, bool> exists, string kind, List<FieldError> errors)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (previous?.Contains(names[i], StringComparer.Ordinal) == true || exists(names[i])) continue;
            errors.Add(new FieldError($"{pointer}/{i}", $"There is no {kind} '{names[i]}'."));
        }
    }
}
