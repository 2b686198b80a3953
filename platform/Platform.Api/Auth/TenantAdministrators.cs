using Microsoft.Extensions.Logging;
using Platform.Identity.Users;
using Platform.Runtime;

namespace Platform.Api.Auth;

/// <summary>
/// Gives a tenant its first administrator when it has no user yet (host start, tests). A generated password is
/// written to the log once, as a warning, and kept nowhere else.
/// </summary>
public sealed class TenantAdministrators(AuthSettings settings, TenantRuntimeCache runtimes, UserDirectory directory, ILogger<TenantAdministrators> logger)
{
    /// <param name="logGeneratedPassword">False when the caller hands a generated password over itself (the operator API answers it): it is then never logged.</param>
    public async Task<FirstAdministratorResult> EnsureAsync(string tenantId, CancellationToken ct, bool logGeneratedPassword = true)
    {
        var runtime = await runtimes.GetAsync(tenantId, ct) ?? throw new InvalidOperationException($"No tenant '{tenantId}'.");
        var result = await FirstAdministrator.EnsureAsync(runtime.Tenant.Database, settings.AdminPassword,
            FirstAdministrator.BusinessUnitIn(runtime.Definitions), ct);
        if (!result.Created) return result;
        directory.Invalidate(tenantId);
        if (result.GeneratedPassword is not null && !logGeneratedPassword)
            logger.LogInformation("Tenant {Tenant}: created user '{User}' with a generated password, answered to the caller only.", tenantId, FirstAdministrator.UserName);
        else if (result.GeneratedPassword is { } password)
            logger.LogWarning("Tenant {Tenant}: created user '{User}' with the generated password {Password} — shown only this once; set {Variable} to choose it.",
                tenantId, FirstAdministrator.UserName, password, FirstAdministrator.PasswordVariable);
        else
            logger.LogInformation("Tenant {Tenant}: created user '{User}' with the password from {Variable}.", tenantId, FirstAdministrator.UserName, FirstAdministrator.PasswordVariable);
        return result;
    }
}
