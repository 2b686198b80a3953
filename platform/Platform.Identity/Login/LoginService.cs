using Platform.Identity.Passwords;
using Platform.Identity.Users;
using Platform.Records;
using Platform.Records.Auditing;
using Platform.Runtime;

namespace Platform.Identity.Login;

/// <summary>
/// Checks a user name and password with lockout. Every refusal looks the same to the caller (unknown user, wrong
/// password, locked, inactive) and costs one hash verification, so answers reveal neither existence nor state;
/// the audit trail keeps the real reason.
/// </summary>
public sealed class LoginService(UserDirectory directory, IAuditLog audit, LockoutOptions lockout)
{
    public LockoutOptions Lockout { get; } = lockout;

    /// <returns>The user when the password is right and the account may sign in; otherwise null.</returns>
    public async Task<PlatformUser?> CheckPasswordAsync(TenantRuntime runtime, string? userName, string? password, string? clientAddress, CancellationToken ct)
    {
        password ??= "";
        var database = runtime.Tenant.Database;
        var user = UserNames.IsValid(userName) ? await UserStore.FindByNameAsync(database, userName!, ct) : null;
        var actor = new RecordActor(user?.Id) { Name = user?.UserName ?? userName ?? "", ClientAddress = clientAddress };
        if (user is null)
        {
            PasswordHashing.VerifyDecoy(password);
            await FailedAsync(runtime, actor, "unknown-user", ct);
            return null;
        }

        // The attempt is counted before the (slow) password check: parallel guesses each get a turn number, and only
        // the first MaxFailedLogins of them are checked at all.
        var now = DateTime.UtcNow;
        var attempt = await UserStore.BeginLoginAttemptAsync(database, user.Id, now, ct);
        if (attempt is null || attempt > Lockout.MaxFailedLogins)
        {
            // Even the right password is refused while locked; the guess is not checked, only timed alike.
            PasswordHashing.VerifyDecoy(password);
            // More guesses were in flight than the lockout allows: the account locks (if the last checked one did not already).
            if (attempt is not null) await LockAsync(runtime, actor, user, attempt.Value, now, audited: attempt == Lockout.MaxFailedLogins + 1, ct);
            await FailedAsync(runtime, actor, "locked-out", ct);
            return null;
        }

        if (!PasswordHashing.Verify(user.PasswordHash, password))
        {
            if (attempt >= Lockout.MaxFailedLogins) await LockAsync(runtime, actor, user, attempt.Value, now, audited: true, ct);
            await FailedAsync(runtime, actor, "wrong-password", ct);
            return null;
        }

        if (!user.IsActive)
        {
            await FailedAsync(runtime, actor, "inactive", ct);
            return null;
        }

        // The right password ends the run of failures (this attempt counted as one until now).
        await UserStore.SetLockoutAsync(database, user.Id, 0, null, ct);
        if (user.FailedLogins > 0 || user.LockoutEnd is not null) directory.Invalidate(runtime.Id);
        await audit.WriteAsync(runtime, new AuditEvent("login", actor with { Roles = user.Roles, Teams = user.Teams, BusinessUnit = user.BusinessUnit }), ct);
        return user;
    }

    private async Task LockAsync(TenantRuntime runtime, RecordActor actor, PlatformUser user, int failures, DateTime now, bool audited, CancellationToken ct)
    {
        var until = now + Lockout.Duration;
        await UserStore.SetLockoutAsync(runtime.Tenant.Database, user.Id, 0, until, ct);
        if (audited) await audit.WriteAsync(runtime, new AuditEvent("lockout", actor, Details: new Dictionary<string, object?>
        {
            ["failedLogins"] = failures, ["lockedUntil"] = until,
        }), ct);
    }

    private Task FailedAsync(TenantRuntime runtime, RecordActor actor, string reason, CancellationToken ct) =>
        audit.WriteAsync(runtime, new AuditEvent("login-failed", actor, Details: new Dictionary<string, object?> { ["reason"] = reason }), ct);
}
