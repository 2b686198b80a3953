using Platform.Identity.Users;
using Platform.Metadata.Definitions;
using Platform.Tenancy;

namespace Platform.Cli.Commands;

/// <summary>After apply: gives a tenant without users its administrator and tells the consultant how to sign in.</summary>
internal static class FirstAdministratorOutput
{
    public static async Task EnsureAsync(CliContext context, TenantInfo tenant, DefinitionSet? definitions, CancellationToken ct)
    {
        var configured = context.GetEnvironmentVariable(FirstAdministrator.PasswordVariable);
        var result = await FirstAdministrator.EnsureAsync(tenant.Database, string.IsNullOrEmpty(configured) ? null : configured,
            FirstAdministrator.BusinessUnitIn(definitions), ct);
        if (!result.Created) return;
        await context.Out.WriteLineAsync(result.GeneratedPassword is { } password
            ? $"Created user '{FirstAdministrator.UserName}' (role {FirstAdministrator.Role}) with the generated password: {password}\n" +
              $"It is shown only this once and stored only as a hash; set {FirstAdministrator.PasswordVariable} to choose it instead."
            : $"Created user '{FirstAdministrator.UserName}' (role {FirstAdministrator.Role}) with the password from {FirstAdministrator.PasswordVariable}.");
    }
}
