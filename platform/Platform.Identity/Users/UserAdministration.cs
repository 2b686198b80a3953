using Platform.Audit.Trail;
using Platform.Identity.Passwords;
using Platform.Records;
using Platform.Records.Auditing;
using Platform.Records.Validation;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Identity.Users;

/// <summary>
/// Creates and changes users on behalf of an administrator. Each change and its audit entries are one transaction (a
/// failed change leaves no entry, an unaudited change cannot commit). Nobody changes their own roles or deactivates
/// themselves, nobody grants more than they hold (<see cref="GrantRules"/>), and names must exist (<see cref="MembershipNames"/>).
/// A password reset, deactivation or logout gives the user a new security stamp, which ends their tokens and cookies.
/// </summary>
public sealed class UserAdministration(UserDirectory directory)
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
        MembershipNames.Check(runtime, null, user, errors);
        await CheckManagerAsync(runtime, user, errors, ct);
        if (errors.Count > 0) throw new RecordValidationException(errors);
        GrantRules.CheckGrant(runtime, actor, user.Roles);

        user = user with { PasswordHash = PasswordHashing.Hash(request.Password!) };
        await using (var session = await runtime.Store.OpenAsync(write: true, ct))
        {
            if (!await UserStore.InsertAsync(session, runtime.Tenant.Database, user, ct))
                throw new RecordConflictException($"The user name '{user.UserName}' is taken (user names ignore case).");
            await AuditAsync(runtime, session, [new AuditEvent("user-created", actor, "user", user.Id, new Dictionary<string, object?>
            {
                ["userName"] = user.UserName, ["roles"] = user.Roles, ["teams"] = user.Teams, ["businessUnit"] = user.BusinessUnit,
            })], ct);
            await session.CommitAsync(ct);
        }
        directory.Invalidate(runtime.Id);
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
        // Teams and the business unit decide which records a user's roles reach (team scope, shares with a team, unit
        // scopes): an administrator without the built-in role moving themselves would grant themselves more than they hold.
        if (actor.UserId == before.Id && !GrantRules.HoldsBuiltInAdministrator(actor) &&
            (!SameNames(before.Teams, changed.Teams) || !string.Equals(before.BusinessUnit, changed.BusinessUnit, StringComparison.Ordinal)))
            throw new IdentityForbiddenException("You cannot change your own teams or business unit; a holder of the built-in 'admin' role must.");
        if (actor.UserId == before.Id && before.IsActive && !changed.IsActive)
            throw new IdentityForbiddenException("You cannot deactivate yourself.");
        var errors = new List<FieldError>();
        UserRules.CheckProfile(changed, errors);
        MembershipNames.Check(runtime, before, changed, errors);
        await CheckManagerAsync(runtime, changed, errors, ct);
        if (errors.Count > 0) throw new RecordValidationException(errors);
        if (actor.UserId != before.Id) GrantRules.CheckManage(runtime, actor, before, "change their account");
        GrantRules.CheckGrant(runtime, actor, changed.Roles.Except(before.Roles, StringComparer.Ordinal));

        await using (var session = await runtime.Store.OpenAsync(write: true, ct))
        {
            await UserStore.UpdateProfileAsync(session, runtime.Tenant.Database, changed, ct);
            // Deactivation ends the sessions for good: reactivating the account must not revive a token stolen before.
            if (before.IsActive && !changed.IsActive) await UserStampStore.RotateAsync(session, runtime.Tenant.Database, changed.Id, ct);
            await AuditAsync(runtime, session, UserChangeEvents.Of(before, changed, actor), ct);
            await session.CommitAsync(ct);
        }
        directory.Invalidate(runtime.Id);
        return await GetAsync(runtime, changed.Id, ct);
    }

    /// <summary>Sets a new password and ends the user's sessions: their tokens and cookies stop working at once.</summary>
    public async Task ResetPasswordAsync(TenantRuntime runtime, Guid userId, string? password, RecordActor actor, CancellationToken ct)
    {
        var user = await GetAsync(runtime, userId, ct);
        var errors = new List<FieldError>();
        UserRules.CheckPassword(password, "/password", errors);
        if (errors.Count > 0) throw new RecordValidationException(errors);
        if (actor.UserId != user.Id) GrantRules.CheckManage(runtime, actor, user, "reset their password");
        await using (var session = await runtime.Store.OpenAsync(write: true, ct))
        {
            await UserStore.SetPasswordHashAsync(session, runtime.Tenant.Database, user.Id, PasswordHashing.Hash(password!), ct);
            await UserStampStore.RotateAsync(session, runtime.Tenant.Database, user.Id, ct);
            await AuditAsync(runtime, session, [new AuditEvent("password-reset", actor, "user", user.Id)], ct);
            await session.CommitAsync(ct);
        }
        directory.Invalidate(runtime.Id);
    }

    public async Task UnlockAsync(TenantRuntime runtime, Guid userId, RecordActor actor, CancellationToken ct)
    {
        var user = await GetAsync(runtime, userId, ct);
        await using (var session = await runtime.Store.OpenAsync(write: true, ct))
        {
            await UserStore.SetLockoutAsync(session, runtime.Tenant.Database, user.Id, 0, null, ct);
            await AuditAsync(runtime, session, [new AuditEvent("unlock", actor, "user", user.Id)], ct);
            await session.CommitAsync(ct);
        }
        directory.Invalidate(runtime.Id);
    }

    /// <summary>Logout: a new security stamp ends every token and cookie of the user (on every host within seconds).</summary>
    public async Task EndSessionsAsync(TenantRuntime runtime, Guid userId, RecordActor actor, CancellationToken ct)
    {
        await using (var session = await runtime.Store.OpenAsync(write: true, ct))
        {
            await UserStampStore.RotateAsync(session, runtime.Tenant.Database, userId, ct);
            await AuditAsync(runtime, session, [new AuditEvent("logout", actor)], ct);
            await session.CommitAsync(ct);
        }
        directory.Invalidate(runtime.Id);
    }

    public async Task<PlatformUser> GetAsync(TenantRuntime runtime, Guid userId, CancellationToken ct) =>
        await UserStore.FindAsync(runtime.Tenant.Database, userId, ct) ?? throw new RecordNotFoundException("user", userId);

    private static async Task CheckManagerAsync(TenantRuntime runtime, PlatformUser user, List<FieldError> errors, CancellationToken ct)
    {
        if (user.ManagerId is { } manager && manager != user.Id && await UserStore.FindAsync(runtime.Tenant.Database, manager, ct) is null)
            errors.Add(new FieldError("/manager_id", $"There is no user with id {manager}."));
    }

    /// <summary>Appends the events to the audit trail in the change's own transaction.</summary>
    private static Task AuditAsync(TenantRuntime runtime, RecordSession session, IReadOnlyList<AuditEvent> events, CancellationToken ct) =>
        AuditWriter.AppendAsync(runtime.Store, session, events.Select(DatabaseAuditLog.ToEntry).ToList(), ct);

    private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && !a.Except(b, StringComparer.OrdinalIgnoreCase).Any();
}
