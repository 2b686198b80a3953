using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

/// <summary>Bad arguments and unreachable databases: one line on stderr, exit 1, no stack trace.</summary>
public sealed class ArgumentTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("export")]
    [InlineData("new")]
    [InlineData("new", "module")]
    public async Task Every_command_has_help(params string[] command)
    {
        var run = await CliHarness.RunAsync([.. command, "--help"]);

        CliHarness.AssertExit(0, run);
        Assert.Contains("Usage:", run.Out);
    }

    [Fact]
    public async Task A_bad_tenant_id_is_one_line()
    {
        var run = await CliHarness.RunAsync(["plan", .. CliHarness.ShippedModules, "--tenant", "Acme!", "--data-dir", _temp.Path]);

        AssertOneLineError(run, "error: 'Acme!' is not a valid tenant id");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_one_line()
    {
        var run = await CliHarness.RunAsync(["apply", .. CliHarness.ShippedModules, "--tenant", "acme", "--provider", "postgres"]);

        AssertOneLineError(run, "error: --provider postgres needs a connection string");
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line()
    {
        var run = await CliHarness.RunAsync(["plan", .. CliHarness.ShippedModules, "--tenant", "acme", "--provider", "postgres",
            "--connection", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2"]);

        AssertOneLineError(run, "error: ");
    }

    [Fact]
    public async Task Storage_options_of_the_other_provider_are_rejected()
    {
        AssertOneLineError(await CliHarness.RunAsync(["plan", .. CliHarness.ShippedModules, "--tenant", "acme", "--provider", "postgres", "--connection", "Host=x", "--data-dir", "d"]),
            "error: --data-dir is for SQLite");
        AssertOneLineError(await CliHarness.RunAsync(["plan", .. CliHarness.ShippedModules, "--tenant", "acme", "--connection", "Host=x"]),
            "error: --connection is for PostgreSQL");
    }

    [Fact]
    public async Task A_missing_tenant_option_is_a_usage_error()
    {
        var run = await CliHarness.RunAsync(["plan", .. CliHarness.ShippedModules]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--tenant", run.Error);
    }

    [Fact]
    public async Task The_data_dir_defaults_to_PLATFORM_DATA_DIR()
    {
        var dataDir = _temp.Combine("from-env");
        var environment = new Dictionary<string, string> { ["PLATFORM_DATA_DIR"] = dataDir };

        var run = await CliHarness.RunAsync(environment, ["apply", .. CliHarness.ShippedModules, "--tenant", "acme"]);

        CliHarness.AssertExit(0, run);
        Assert.True(File.Exists(Path.Combine(dataDir, "tenants", "acme.db")));
    }

    [Fact]
    public async Task The_connection_defaults_to_PLATFORM_CONNECTION()
    {
        await using var storage = await PostgresTenantStorage.CreateAsync();
        var environment = new Dictionary<string, string> { ["PLATFORM_CONNECTION"] = storage.ConnectionString };

        var run = await CliHarness.RunAsync(environment, ["apply", .. CliHarness.ShippedModules, "--tenant", "acme", "--provider", "postgres"]);

        CliHarness.AssertExit(0, run);
        Assert.True(await storage.TenantDatabaseExistsAsync("acme"));
    }

    private static void AssertOneLineError(CliRun run, string start)
    {
        CliHarness.AssertExit(1, run);
        Assert.StartsWith(start, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Error);
    }

    public void Dispose() => _temp.Dispose();
}
