using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

/// <summary>plan, apply and export of module workflows through the CLI; run on SQLite and PostgreSQL by the subclasses.</summary>
public abstract class WorkflowCommandTests : TenantStorageTests
{
    private const string Tenant = "acme";

    [Fact]
    public async Task Plan_names_an_added_workflow_and_export_writes_it_back_unchanged()
    {
        CliHarness.AssertExit(0, await RunAsync("apply", CliHarness.ShippedModules));
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        await WorkflowFiles.WriteAsync(modules[1], "tag-new-deals", WorkflowFiles.Valid);

        var plan = await RunAsync("plan", modules);
        CliHarness.AssertExit(0, plan);
        Assert.Contains("WORKFLOW ADDED: sales/workflows/tag-new-deals.json", plan.Out);

        CliHarness.AssertExit(0, await RunAsync("apply", modules));
        Assert.Equal("No changes.", (await RunAsync("plan", modules)).Out.Trim());

        var target = Temp.Combine("export");
        CliHarness.AssertExit(0, await CliHarness.RunAsync(["export", "--tenant", Tenant, .. Storage.Arguments, target]));
        var exported = new[] { Path.Combine(target, "crm-core"), Path.Combine(target, "sales") };
        Assert.True(File.Exists(Path.Combine(exported[1], "workflows", "tag-new-deals.json")));
        CliHarness.AssertExit(0, await CliHarness.RunAsync(["validate", .. exported]));
        Assert.Equal("No changes.", (await RunAsync("plan", exported)).Out.Trim());
    }

    [Fact]
    public async Task A_module_template_file_is_planned_installed_and_exported_as_written()
    {
        CliHarness.AssertExit(0, await RunAsync("apply", CliHarness.ShippedModules));
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        const string text = "Hello {{ record.name }},\r\nwelcome.\n";
        Directory.CreateDirectory(Path.Combine(modules[1], "templates", "mail"));
        await File.WriteAllTextAsync(Path.Combine(modules[1], "templates", "mail", "welcome.scriban"), text);
        await WorkflowFiles.WriteAsync(modules[1], "tag-new-deals", WorkflowFiles.Valid.Replace(
            "{ \"id\": \"done\", \"type\": \"Finish\" }",
            "{ \"id\": \"done\", \"type\": \"SendEmail\", \"to\": \"desk@example.com\", \"subject\": \"New deal\", \"template\": \"templates/mail/welcome.scriban\" }",
            StringComparison.Ordinal));

        var plan = await RunAsync("plan", modules);
        CliHarness.AssertExit(0, plan);
        Assert.Contains("TEMPLATE ADDED: sales/templates/mail/welcome.scriban", plan.Out);
        CliHarness.AssertExit(0, await RunAsync("apply", modules));

        var target = Temp.Combine("export");
        CliHarness.AssertExit(0, await CliHarness.RunAsync(["export", "--tenant", Tenant, .. Storage.Arguments, target]));
        var exported = Path.Combine(target, "sales", "templates", "mail", "welcome.scriban");
        // Kept as text with its line endings normalised, so the definitions version does not depend on the machine.
        Assert.Equal("Hello {{ record.name }},\nwelcome.\n", await File.ReadAllTextAsync(exported));
        Assert.Equal("No changes.", (await RunAsync("plan", [Path.Combine(target, "crm-core"), Path.Combine(target, "sales")])).Out.Trim());
    }

    [Fact]
    public async Task Plan_of_a_broken_workflow_prints_its_errors_and_creates_no_tenant()
    {
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        var file = await WorkflowFiles.WriteAsync(modules[1], "broken-flow", WorkflowFiles.Broken);

        var run = await RunAsync("plan", modules);

        CliHarness.AssertExit(1, run);
        Assert.Contains(run.Error.Split('\n'), line => line.StartsWith(file + ":/root/activities/1/type: ", StringComparison.Ordinal));
        Assert.Null(await Storage.FindTenantAsync(Tenant));
    }

    private Task<CliRun> RunAsync(string command, string[] modules, params string[] extra) =>
        CliHarness.RunAsync([command, .. modules, "--tenant", Tenant, .. Storage.Arguments, .. extra]);
}

public sealed class SqliteWorkflowCommandTests : WorkflowCommandTests
{
    protected override Task<TenantStorage> CreateStorageAsync() => Task.FromResult<TenantStorage>(new SqliteTenantStorage());
}

public sealed class PostgresWorkflowCommandTests : WorkflowCommandTests
{
    protected override async Task<TenantStorage> CreateStorageAsync() => await PostgresTenantStorage.CreateAsync();
}
