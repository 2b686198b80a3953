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

        var now = DateTime.UtcNow;
        if (user.IsLockedOut(now))
        {
            // Even the right password is refused while locked; the guess is not checked, only timed alike.
            PasswordHashing.VerifyDecoy(password);
            await FailedAsync(runtime, actor, "locked-out", ct);
            return null;
        }

        if (!PasswordHashing.Verify(user.PasswordHash, password))
        {
            var failures = await UserStore.AddFailedLoginAsync(database, user.Id, ct);
            if (failures >= Lockout.MaxFailedLogins)
            {
                var until = now + Lockout.Duration;
                await UserStore.SetLockoutAsync(database, user.Id, 0, until, ct);
                await audit.WriteAsync(runtime, new AuditEvent("lockout", actor, Details: new Dictionary<string, object?>
                {
                    ["failedLogins"] = failures, ["lockedUntil"] = until,
                }), ct);
            }
            await FailedAsync(runtime, actor, "wrong-password", ct);
            return null;
        }

        if (!user.IsActive)
        {
            await FailedAsync(runtime, actor, "inactive", ct);
            return null;
        }

        if (user.FailedLogins > 0 || user.LockoutEnd is not null)
        {
            await UserStore.SetLockoutAsync(database, user.Id, 0, null, ct);
            directory.Invalidate(runtime.Id);
        }
        await audit.WriteAsync(runtime, new AuditEvent("login", actor with { Roles = user.Roles, Teams = user.Teams, BusinessUnit = user.BusinessUnit }), ct);
        return user;
    }

    private Task FailedAsync(TenantRuntime runtime, RecordActor actor, string reason, CancellationToken ct) =>
        audit.WriteAsync(runtime, new AuditEvent("login-failed", actor, Details: new Dictionary<string, object?> { ["reason"] = reason }), ct);
}
