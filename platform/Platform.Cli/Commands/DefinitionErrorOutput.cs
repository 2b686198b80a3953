using Platform.Metadata.Validation;

namespace Platform.Cli.Commands;

internal static class DefinitionErrorOutput
{
    /// <summary>Writes each error as <c>file:pointer: message</c> to stderr and returns exit code 1.</summary>
    public static async Task<int> WriteAsync(CliContext context, IReadOnlyList<DefinitionError> errors)
    {
        foreach (var error in errors) await context.Error.WriteLineAsync(error.ToString());
        await context.Error.WriteLineAsync($"{errors.Count} error{(errors.Count == 1 ? "" : "s")}.");
        return ExitCodes.Error;
    }
}
