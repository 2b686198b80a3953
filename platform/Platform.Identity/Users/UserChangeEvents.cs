using Platform.Records;
using Platform.Records.Auditing;

namespace Platform.Identity.Users;

/// <summary>The audit events of a change to a user: one per role or team granted or removed, one for the profile fields.</summary>
internal static class UserChangeEvents
{
    public static IReadOnlyList<AuditEvent> Of(PlatformUser before, PlatformUser after, RecordActor actor)
    {
        var events = new List<AuditEvent>();
        void Membership(string action, string kind, string name) =>
            events.Add(new AuditEvent(action, actor, "user", after.Id, new Dictionary<string, object?> { [kind] = name }));

        foreach (var role in after.Roles.Except(before.Roles, StringComparer.OrdinalIgnoreCase)) Membership("role-granted", "role", role);
        foreach (var role in before.Roles.Except(after.Roles, StringComparer.OrdinalIgnoreCase)) Membership("role-revoked", "role", role);
        foreach (var team in after.Teams.Except(before.Teams, StringComparer.OrdinalIgnoreCase)) Membership("team-joined", "team", team);
        foreach (var team in before.Teams.Except(after.Teams, StringComparer.OrdinalIgnoreCase)) Membership("team-left", "team", team);

        var changes = new Dictionary<string, object?>();
        void Compare(string name, object? old, object? @new)
        {
            if (!Equals(old, @new)) changes[name] = new { old, @new };
        }
        Compare("displayName", before.DisplayName, after.DisplayName);
        Compare("email", before.Email, after.Email);
        Compare("businessUnit", before.BusinessUnit, after.BusinessUnit);
        Compare("managerId", before.ManagerId, after.ManagerId);
        Compare("isActive", before.IsActive, after.IsActive);
        if (changes.Count > 0) events.Add(new AuditEvent("user-updated", actor, "user", after.Id, changes));
        return events;
    }
}
