using Platform.Identity.Passwords;
using Platform.Records;
using Platform.Records.Auditing;
using Platform.Records.Validation;
using Platform.Runtime;

namespace Platform.Identity.Users;

/// <summary>
/// Creates and changes users on behalf of an administrator, auditing each membership change. Nobody changes their
/// own roles or deactivates themselves: an administrator cannot lock the last door behind them, and a user who
/// somehow reaches this service cannot grant themselves anything.
/// </summary>
public sealed class UserAdministration(UserDirectory directory, IAuditLog audit)
{
    public async Task<PlatformUser> CreateAsync(TenantRuntime runtime, NewUser request, RecordActor actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!UserNames.IsValid(request.UserName)) errors.Add(new FieldError("/user_name", $"A user name has {UserNames.Rule}."));
        UserRules.CheckPassword(request.Password, "/password", errors);
        var now = DateTime.UtcNow;
        var user = new PlatformUser(Guid.CreateVersion7(), request.UserName?.Trim() ?? "", (request.DisplayName ?? request.UserName ?? "").Trim(),
            string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(), null, request.IsActive,
            string.IsNullOrWhiteSpace(request.BusinessUnit) ? null : request.BusinessUnit.Trim(),
            UserRules.Clean(request.Teams), UserRules.Clean(request.Roles), request.ManagerId, 0, null, now, now);
        UserRules.CheckProfile(user, errors);
        await CheckManagerAsync(runtime, user, errors, ct);
        if (errors.Count > 0) throw new RecordValidationException(errors);

        user = user with { PasswordHash = PasswordHashing.Hash(request.Password!) };
        if (!await UserStore.InsertAsync(runtime.Tenant.Database, user, ct))
            throw new RecordConflictException($"The user name '{user.UserName}' is taken (user names ignore case).");
        directory.Invalidate(runtime.Id);
        await audit.WriteAsync(runtime, new AuditEvent("user-created", actor, "user", user.Id, new Dictionary<string, object?>
        {
            ["userName"] = user.UserName, ["roles"] = user.Roles, ["teams"] = user.Teams, ["businessUnit"] = user.BusinessUnit,
        }), ct);
        return user;
    }

    /// <summary>Saves <paramref name="changed"/> (profile and membership) over the stored user.</summary>
    public async Task<PlatformUser> UpdateAsync(TenantRuntime runtime, PlatformUser changed, RecordActor actor, CancellationToken ct)
    {
        var before = await GetAsync(runtime, changed.Id, ct);
        changed = changed with
        {
            UserName = before.UserName, PasswordHash = before.PasswordHash, FailedLogins = before.FailedLogins, LockoutEnd = before.LockoutEnd,
            Teams = UserRules.Clean(changed.Teams), Roles = UserRules.Clean(changed.Roles),
        };
        if (actor.UserId == before.Id && !SameNames(before.Roles, changed.Roles))
            throw new IdentityForbiddenException("You cannot change your own roles; another administrator must.");
        if (actor.UserId == before.Id && before.IsActive && !changed.IsActive)
            throw new IdentityForbiddenException("You cannot deactivate yourself.");
        var errors = new List<FieldError>();
        UserRules.CheckProfile(changed, errors);
        await CheckManagerAsync(runtime, changed, errors, ct);
        if (errors.Count > 0) throw new RecordValidationException(errors);

        await UserStore.UpdateProfileAsync(runtime.Tenant.Database, changed, ct);
        directory.Invalidate(runtime.Id);
        await AuditChangesAsync(runtime, before, changed, actor, ct);
        return await GetAsync(runtime, changed.Id, ct);
    }

    public async Task ResetPasswordAsync(TenantRuntime runtime, Guid userId, string? password, RecordActor actor, CancellationToken ct)
    {
        var user = await GetAsync(runtime, userId, ct);
        var errors = new List<FieldError>();
        UserRules.CheckPassword(password, "/password", errors);
        if (errors.Count > 0) throw new RecordValidationException(errors);
        await UserStore.SetPasswordHashAsync(runtime.Tenant.Database, user.Id, PasswordHashing.Hash(password!), ct);
        await audit.WriteAsync(runtime, new AuditEvent("password-reset", actor, "user", user.Id), ct);
    }

    public async Task UnlockAsync(TenantRuntime runtime, Guid userId, RecordActor actor, CancellationToken ct)
    {
        var user = await GetAsync(runtime, userId, ct);
        await UserStore.SetLockoutAsync(runtime.Tenant.Database, user.Id, 0, null, ct);
        directory.Invalidate(runtime.Id);
        await audit.WriteAsync(runtime, new AuditEvent("unlock", actor, "user", user.Id), ct);
    }

    public async Task<PlatformUser> GetAsync(TenantRuntime runtime, Guid userId, CancellationToken ct) =>
        await UserStore.FindAsync(runtime.Tenant.Database, userId, ct) ?? throw new RecordNotFoundException("user", userId);

    private static async Task CheckManagerAsync(TenantRuntime runtime, PlatformUser user, List<FieldError> errors, CancellationToken ct)
    {
        if (user.ManagerId is { } manager && manager != user.Id && await UserStore.FindAsync(runtime.Tenant.Database, manager, ct) is null)
            errors.Add(new FieldError("/manager_id", $"There is no user with id {manager}."));
    }

    private async Task AuditChangesAsync(TenantRuntime runtime, PlatformUser before, PlatformUser after, RecordActor actor, CancellationToken ct)
    {
        foreach (var role in after.Roles.Except(before.Roles, StringComparer.OrdinalIgnoreCase))
            await Membership("role-granted", "role", role);
        foreach (var role in before.Roles.Except(after.Roles, StringComparer.OrdinalIgnoreCase))
            await Membership("role-revoked", "role", role);
        foreach (var team in after.Teams.Except(before.Teams, StringComparer.OrdinalIgnoreCase))
            await Membership("team-joined", "team", team);
        foreach (var team in before.Teams.Except(after.Teams, StringComparer.OrdinalIgnoreCase))
            await Membership("team-left", "team", team);

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
        if (changes.Count > 0) await audit.WriteAsync(runtime, new AuditEvent("user-updated", actor, "user", after.Id, changes), ct);

        Task Membership(string action, string kind, string name) =>
            audit.WriteAsync(runtime, new AuditEvent(action, actor, "user", after.Id, new Dictionary<string, object?> { [kind] = name }), ct);
    }

    private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && !a.Except(b, StringComparer.OrdinalIgnoreCase).Any();
}
