using System.CommandLine;
using Platform.Metadata.Loading;
using Platform.Tenancy;

namespace Platform.Cli.Commands;

/// <summary><c>export --tenant T &lt;dir&gt;</c>: writes the tenant's installed modules to &lt;dir&gt;/&lt;module id&gt;/.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("dir") { Description = "Folder to write the module folders into (created if needed)." };
        var storage = new StorageArguments();
        var command = new Command("export", "Write a tenant's installed definitions back as module folders.") { target };
        storage.AddTo(command);
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var tenant = storage.Tenant(parseResult);
            var catalog = new TenantCatalog(storage.Storage(parseResult, context));
            if (await catalog.FindAsync(tenant, ct) is null) throw new CliException($"No tenant '{tenant}'.");

            var modules = await StorageArguments.Installer(catalog).InstalledAsync(tenant, ct);
            if (modules.Count == 0)
            {
                await context.Out.WriteLineAsync($"Tenant '{tenant}' has no modules installed; nothing to export.");
                return ExitCodes.Success;
            }
            var dir = parseResult.GetRequiredValue(target);
            foreach (var module in modules)
            {
                var folder = Path.Combine(dir, module.Id);
                await ModuleWriter.WriteAsync(module, folder, CliDocumentKinds.Catalog, ct);
                await context.Out.WriteLineAsync($"{module.Id} {module.Manifest.Version}: {module.Entities.Count} entities -> {folder}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
