using System.CommandLine;
using Platform.Tenancy;

namespace Platform.Cli.Commands;

/// <summary><c>plan &lt;module dirs&gt; --tenant T</c>: what apply would change; never changes anything.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var folders = ModuleDirsArgument.Create();
        var storage = new StorageArguments();
        var command = new Command("plan", "Show the DDL and data-loss warnings that applying the modules to a tenant would bring.") { folders };
        storage.AddTo(command);
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var tenant = storage.Tenant(parseResult);
            var catalog = new TenantCatalog(storage.Storage(parseResult, context));
            var result = await StorageArguments.Installer(catalog).PlanAsync(tenant, parseResult.GetRequiredValue(folders), ct);
            if (result.HasErrors) return await DefinitionErrorOutput.WriteAsync(context, result.Errors);
            if (result.Tenant is null) await context.Out.WriteLineAsync($"Tenant '{tenant}' does not exist yet; apply creates it.");
            await PlanOutput.WriteAsync(context, result.Plan!, applyHint: true);
            return ExitCodes.Success;
        });
        return command;
    }
}
