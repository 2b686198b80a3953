namespace Platform.Cli.Tests.Support;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

public static class CliHarness
{
    /// <summary>Runs the CLI with no environment variables visible, so the developer's own settings cannot leak in.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(stdout, stderr, name => environment.GetValueOrDefault(name)));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The shipped modules, crm-core and sales.</summary>
    public static string[] ShippedModules =>
        [Path.Combine(Platform.TestSupport.RepositoryPaths.Modules, "crm-core"), Path.Combine(Platform.TestSupport.RepositoryPaths.Modules, "sales")];

    public static void AssertExit(int expected, CliRun run) => Assert.True(run.ExitCode == expected, $"expected exit {expected}, got {run}");
}
