using System.CommandLine;
using Platform.Metadata.Loading;

namespace Platform.Cli.Commands;

/// <summary><c>validate &lt;module dirs&gt;</c>: loads the folders together and reports every error.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var folders = ModuleDirsArgument.Create();
        var command = new Command("validate", "Check module folders; errors go to stderr as file:pointer: message.") { folders };
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var load = await ModuleSetLoader.LoadAsync(parseResult.GetRequiredValue(folders), [], CliDocumentKinds.Catalog, ct);
            if (!load.Succeeded) return await DefinitionErrorOutput.WriteAsync(context, load.Errors);
            var modules = load.Set.Modules.Count;
            var entities = load.Set.Entities.Count();
            await context.Out.WriteLineAsync($"{modules} module{(modules == 1 ? "" : "s")}, {entities} entit{(entities == 1 ? "y" : "ies")} valid.");
            return ExitCodes.Success;
        });
        return command;
    }
}
