using System.CommandLine;
using Platform.Identity.Users;
using Platform.Metadata.Loading;
using Platform.Tenancy;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>apply &lt;module dirs&gt; --tenant T [--allow-data-loss]</c>: plans, then applies atomically, creating the tenant
/// when it does not exist. Exit 2 when the plan is refused; nothing is changed then. A tenant without users gets
/// user admin, with the password from PLATFORM_ADMIN_PASSWORD or a generated one printed once.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext context)
    {
        var folders = ModuleDirsArgument.Create();
        var storage = new StorageArguments();
        var allowDataLoss = new Option<bool>("--allow-data-loss") { Description = "Apply even when tables, columns or values would be dropped." };
        var command = new Command("apply", "Apply the modules to a tenant (created if needed) in one transaction.") { folders, allowDataLoss };
        storage.AddTo(command);
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var tenant = storage.Tenant(parseResult);
            var modules = parseResult.GetRequiredValue(folders);
            var options = storage.Storage(parseResult, context);
            var catalog = new TenantCatalog(options);
            var existed = await catalog.FindAsync(tenant, ct) is not null;
            if (!existed)
            {
                // The installer creates a new tenant before it loads the modules; invalid modules must not leave one behind.
                var load = await ModuleSetLoader.LoadAsync(modules, [], CliDocumentKinds.Catalog, ct);
                if (!load.Succeeded) return await DefinitionErrorOutput.WriteAsync(context, load.Errors);
            }

            var result = await StorageArguments.Installer(catalog, EncryptionCommand.OptionalCipher(context, options)).ApplyAsync(tenant, modules, parseResult.GetValue(allowDataLoss), ct);
            if (result.HasErrors) return await DefinitionErrorOutput.WriteAsync(context, result.Errors);
            if (!existed) await context.Out.WriteLineAsync($"Created tenant '{tenant}'.");
            await PlanOutput.WriteAsync(context, result.Plan!, applyHint: false);

            var applied = result.Applied!;
            if (applied.Refused)
            {
                await context.Error.WriteLineAsync($"Refused: {applied.Reason}. Nothing was changed.");
                return ExitCodes.Refused;
            }
            await context.Out.WriteLineAsync(applied.Changed
                ? $"Applied: tenant '{tenant}' is at schema version {applied.Version}."
                : $"Tenant '{tenant}' is up to date (schema version {applied.Version?.ToString() ?? "none"}).");
            await FirstAdministratorOutput.EnsureAsync(context, result.Tenant!, result.Plan?.Target, ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
