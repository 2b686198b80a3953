using System.CommandLine;
using Platform.Metadata.Loading;

namespace Platform.Cli.Commands;

/// <summary><c>new module &lt;id&gt; [--dir D]</c>: scaffolds a module folder with one example entity.</summary>
internal static class NewCommand
{
    public static Command Create(CliContext context) => new("new", "Create something new from a template.") { ModuleCommand(context) };

    private static Command ModuleCommand(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The module id, e.g. 'field-service'." };
        var dir = new Option<string?>("--dir") { Description = "The folder to create the module folder in (default: the current folder)." };
        var command = new Command("module", "Scaffold <dir>/<id>/ with module.json and an example entity.") { id, dir };
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var moduleId = parseResult.GetRequiredValue(id);
            var folder = await ModuleScaffolder.CreateAsync(parseResult.GetValue(dir) ?? Directory.GetCurrentDirectory(), moduleId, ct);
            await context.Out.WriteLineAsync($"Created module '{moduleId}' in {folder}");
            return ExitCodes.Success;
        });
        return command;
    }
}
