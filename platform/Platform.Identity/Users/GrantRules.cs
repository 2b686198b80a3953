using Platform.Metadata.Definitions.Security;
using Platform.Records;
using Platform.Records.Security;
using Platform.Runtime;

namespace Platform.Identity.Users;

/// <summary>
/// User administration grants no more than the granter holds. Holders of the built-in <c>admin</c> role may do
/// anything; any other administrator (a role document with "administers": true) grants only roles they hold
/// themselves, never a role that administers, and cannot change or reset the password of an administrator — else an
/// auditor could make themselves, or a friend, the tenant's owner.
/// </summary>
internal static class GrantRules
{
    public static bool HoldsBuiltInAdministrator(RecordActor actor) =>
        actor.IsSystem || actor.Roles.Contains(RoleDefinition.BuiltInAdministrator, StringComparer.Ordinal);

    /// <summary>Refuses granting <paramref name="added"/> roles that go beyond the actor's own.</summary>
    public static void CheckGrant(TenantRuntime runtime, RecordActor actor, IEnumerable<string> added)
    {
        if (HoldsBuiltInAdministrator(actor)) return;
        var security = SecurityModel.For(runtime.Definitions);
        foreach (var role in added)
        {
            if (security.IsAdministrator([role]))
                throw new IdentityForbiddenException($"Only holders of the built-in '{RoleDefinition.BuiltInAdministrator}' role grant '{role}', a role that administers the tenant.");
            if (!actor.Roles.Contains(role, StringComparer.Ordinal))
                throw new IdentityForbiddenException($"You cannot grant '{role}': you may only grant roles you hold yourself.");
        }
    }

    /// <summary>Refuses changing an administrator's account (<paramref name="what"/>) to anyone but a holder of the built-in role.</summary>
    public static void CheckManage(TenantRuntime runtime, RecordActor actor, PlatformUser target, string what)
    {
        if (HoldsBuiltInAdministrator(actor) || !SecurityModel.For(runtime.Definitions).IsAdministrator(target.Roles)) return;
        throw new IdentityForbiddenException(
            $"'{target.UserName}' administers the tenant: only holders of the built-in '{RoleDefinition.BuiltInAdministrator}' role {what}.");
    }
}
