using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Platform.Audit;
using Platform.Cli.Commands;
using Platform.Identity;

namespace Platform.Cli;

/// <summary>The <c>platform</c> command line. Program.cs and the tests both run it through here, in-process.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default) =>
        RunAsync(args, new CliContext(stdout, stderr, Environment.GetEnvironmentVariable), ct);

    /// <summary>Runs with an explicit context, so tests control the environment variables the CLI reads.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken ct = default)
    {
        DeclareFeatures();
        var root = BuildRootCommand(context);
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Commands report their own errors (CommandRunner); anything else is a bug and should show in full.
            EnableDefaultExceptionHandler = false,
        };
        return await root.Parse(args).InvokeAsync(invocation, ct);
    }

    /// <summary>
    /// The CLI creates and upgrades tenants as the host does, so it composes the same features: that declares their
    /// platform tables (audit, shares, users, script runs, …); its commands build what they use themselves.
    /// </summary>
    private static void DeclareFeatures() => new ServiceCollection().AddPlatformAudit().AddPlatformIdentity();

    public static RootCommand BuildRootCommand(CliContext context) => new("Validates, plans, applies and exports low-code platform modules.")
    {
        ValidateCommand.Create(context),
        PlanCommand.Create(context),
        ApplyCommand.Create(context),
        ExportCommand.Create(context),
        NewCommand.Create(context),
        TenantCommand.Create(context),
        EncryptionCommand.Create(context),
    };
}
