using Platform.Identity.Passwords;
using Platform.Metadata.Definitions;
using Platform.Storage.Providers;

namespace Platform.Identity.Users;

/// <summary>
/// The first start of a tenant (host or CLI apply) creates user <c>admin</c> with role <c>admin</c>. Its password is
/// the configured one (PLATFORM_ADMIN_PASSWORD) or, when none is, a generated one that the caller prints once:
/// only its hash is stored. There is no default password. The administrator belongs to business unit <c>root</c> when
/// the tenant's modules define it (crm-core does), so records they own are in that unit like anyone else's.
/// </summary>
public static class FirstAdministrator
{
    public const string UserName = "admin";
    public const string Role = Platform.Metadata.Definitions.Security.RoleDefinition.BuiltInAdministrator;
    public const string PasswordVariable = "PLATFORM_ADMIN_PASSWORD";
    public const string BusinessUnit = "root";

    /// <summary>The administrator's business unit under these definitions: <see cref="BusinessUnit"/> if defined, else none.</summary>
    public static string? BusinessUnitIn(DefinitionSet? definitions) =>
        definitions?.BusinessUnits.ContainsKey(BusinessUnit) == true ? BusinessUnit : null;

    /// <summary>Creates the administrator when the tenant has no user at all; otherwise does nothing.</summary>
    /// <param name="businessUnit">From <see cref="BusinessUnitIn"/> for the tenant's definitions.</param>
    public static async Task<FirstAdministratorResult> EnsureAsync(TenantDatabase database, string? configuredPassword, string? businessUnit, CancellationToken ct)
    {
        if (await UserStore.AnyAsync(database, ct)) return FirstAdministratorResult.Existing;
        if (!string.IsNullOrEmpty(configuredPassword) && PasswordRules.Check(configuredPassword) is { } problem)
            throw new InvalidOperationException($"{PasswordVariable} is not an acceptable password: {problem}");
        var generated = string.IsNullOrEmpty(configuredPassword) ? PasswordGenerator.Generate() : null;
        var now = DateTime.UtcNow;
        var admin = new PlatformUser(Guid.CreateVersion7(), UserName, "Administrator", null, PasswordHashing.Hash(configuredPassword ?? generated!),
            true, businessUnit, [], [Role], null, 0, null, now, now);
        // Another process may create it at the same moment; then theirs stands and nothing is printed here.
        return await UserStore.InsertAsync(database, admin, ct)
            ? new FirstAdministratorResult(true, generated)
            : FirstAdministratorResult.Existing;
    }
}

/// <param name="Created">True when this call created the administrator.</param>
/// <param name="GeneratedPassword">Set when the password was generated: show it once, it is stored nowhere.</param>
public sealed record FirstAdministratorResult(bool Created, string? GeneratedPassword)
{
    public static FirstAdministratorResult Existing { get; } = new(false, null);
}
