using System.CommandLine;
using System.Data.Common;

namespace Platform.Cli.Commands;

/// <summary>Runs a command's action and turns failures into one line on stderr and exit code 1.</summary>
internal static class CommandRunner
{
    public static void SetRunner(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, ct) =>
        {
            try
            {
                return await action(parseResult, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync("error: " + Describe(e));
                return ExitCodes.Error;
            }
        });

    private static string Describe(Exception e)
    {
        // Wrappers such as EF's DbUpdateException say "see the inner exception"; the inner one is the useful line.
        while (e.InnerException is not null && e.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase)) e = e.InnerException;
        var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;
        message = message.ReplaceLineEndings(" ").Trim();
        return e is CliException or ArgumentException or KeyNotFoundException or IOException or UnauthorizedAccessException
            or DbException or TimeoutException
            ? message
            : $"{e.GetType().Name}: {message}";
    }
}
