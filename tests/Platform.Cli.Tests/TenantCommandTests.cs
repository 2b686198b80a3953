using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

/// <summary>plan, apply and export against one provider; run on SQLite and PostgreSQL by the subclasses.</summary>
public abstract class TenantCommandTests : TenantStorageTests
{
    private const string Tenant = "acme";
    [Fact]
    public async Task Plan_on_a_new_tenant_prints_create_table_and_creates_nothing()
    {
        var run = await RunAsync("plan", CliHarness.ShippedModules);

        CliHarness.AssertExit(0, run);
        Assert.Contains("does not exist yet", run.Out);
        Assert.Contains("CREATE TABLE", run.Out);
        Assert.Contains("opportunity", run.Out);
        Assert.Null(await Storage.FindTenantAsync(Tenant));
        Assert.False(await Storage.TenantDatabaseExistsAsync(Tenant));
    }

    [Fact]
    public async Task Apply_creates_the_tenant_and_tables_and_a_second_plan_has_no_changes()
    {
        var apply = await RunAsync("apply", CliHarness.ShippedModules);

        CliHarness.AssertExit(0, apply);
        Assert.Contains("Created tenant 'acme'", apply.Out);
        Assert.Contains("CREATE TABLE", apply.Out);
        Assert.Contains("Applied: tenant 'acme' is at schema version 1.", apply.Out);
        Assert.NotNull(await Storage.FindTenantAsync(Tenant));
        Assert.True(await Storage.TableExistsAsync(Tenant, "opportunity"));

        var plan = await RunAsync("plan", CliHarness.ShippedModules);
        CliHarness.AssertExit(0, plan);
        Assert.Equal("No changes.", plan.Out.Trim());

        var again = await RunAsync("apply", CliHarness.ShippedModules);
        CliHarness.AssertExit(0, again);
        Assert.StartsWith("No changes.", again.Out);
        Assert.Equal(1, (await Storage.LatestSchemaAsync(Tenant))!.Version);
    }

    [Fact]
    public async Task Apply_audits_each_security_document_it_changes_in_its_own_transaction()
    {
        CliHarness.AssertExit(0, await RunAsync("apply", CliHarness.ShippedModules));
        Assert.Contains("role salesperson added", await Storage.SecurityAuditAsync(Tenant));
        Assert.Contains("businessUnit root added", await Storage.SecurityAuditAsync(Tenant));

        // A role change refused with the rest of its plan (data loss without consent) leaves no entry.
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        var role = Path.Combine(modules[0], "security", "roles", "salesperson.json");
        await File.WriteAllTextAsync(role, (await File.ReadAllTextAsync(role)).Replace("\"read\": \"team\"", "\"read\": \"businessUnit\"", StringComparison.Ordinal));
        await ModuleCopies.EditFieldAsync(modules[0], "account", "website", _ => null);
        CliHarness.AssertExit(2, await RunAsync("apply", modules));
        Assert.DoesNotContain("role salesperson changed", await Storage.SecurityAuditAsync(Tenant));

        CliHarness.AssertExit(0, await RunAsync("apply", modules, "--allow-data-loss"));
        Assert.Single(await Storage.SecurityAuditAsync(Tenant), e => e == "role salesperson changed");
    }

    [Fact]
    public async Task Apply_refuses_data_loss_without_consent_and_changes_nothing()
    {
        CliHarness.AssertExit(0, await RunAsync("apply", CliHarness.ShippedModules));
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        await ModuleCopies.EditFieldAsync(modules[0], "account", "website", _ => null);

        var plan = await RunAsync("plan", modules);
        CliHarness.AssertExit(0, plan);
        Assert.Contains("DATA LOSS: account.website", plan.Out);
        Assert.Contains("DROP", plan.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Apply refuses this plan unless given --allow-data-loss.", plan.Out);

        var refused = await RunAsync("apply", modules);
        CliHarness.AssertExit(2, refused);
        Assert.Contains("Refused:", refused.Error);
        Assert.Contains("--allow-data-loss", refused.Error);
        var unchanged = await Storage.LatestSchemaAsync(Tenant);
        Assert.Equal(1, unchanged!.Version);
        Assert.Contains(unchanged.Definitions.Find("account")!.Fields, f => f.Name == "website");

        var applied = await RunAsync("apply", modules, "--allow-data-loss");
        CliHarness.AssertExit(0, applied);
        Assert.Contains("schema version 2", applied.Out);
        Assert.DoesNotContain("Apply refuses", applied.Out);
        Assert.Equal("No changes.", (await RunAsync("plan", modules)).Out.Trim());
    }

    [Fact]
    public async Task Apply_refuses_blocked_rows_even_with_consent()
    {
        CliHarness.AssertExit(0, await RunAsync("apply", CliHarness.ShippedModules));
        await Storage.InsertAccountAsync(Tenant, "No city");
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        await ModuleCopies.EditFieldAsync(modules[0], "account", "city", field =>
        {
            field["required"] = true;
            return field;
        });

        var plan = await RunAsync("plan", modules);
        CliHarness.AssertExit(0, plan);
        Assert.Contains("BLOCKED: account.city", plan.Out);

        var refused = await RunAsync("apply", modules, "--allow-data-loss");
        CliHarness.AssertExit(2, refused);
        Assert.Contains("Refused:", refused.Error);
        Assert.Equal(1, (await Storage.LatestSchemaAsync(Tenant))!.Version);
    }

    [Fact]
    public async Task Export_then_plan_of_the_exported_folders_has_no_changes()
    {
        CliHarness.AssertExit(0, await RunAsync("apply", CliHarness.ShippedModules));
        var target = Temp.Combine("export");

        var export = await CliHarness.RunAsync(["export", "--tenant", Tenant, .. Storage.Arguments, target]);

        CliHarness.AssertExit(0, export);
        Assert.True(File.Exists(Path.Combine(target, "crm-core", "module.json")));
        Assert.True(File.Exists(Path.Combine(target, "sales", "entities", "opportunity.json")));
        Assert.True(File.Exists(Path.Combine(target, "crm-core", "security", "roles", "salesperson.json")));
        Assert.True(File.Exists(Path.Combine(target, "crm-core", "security", "business-units", "root.json")));
        var exported = new[] { Path.Combine(target, "crm-core"), Path.Combine(target, "sales") };
        CliHarness.AssertExit(0, await CliHarness.RunAsync(["validate", .. exported]));
        var plan = await RunAsync("plan", exported);
        CliHarness.AssertExit(0, plan);
        Assert.Equal("No changes.", plan.Out.Trim());
    }

    [Fact]
    public async Task A_script_only_edit_plans_as_a_script_change_naming_the_file_and_apply_records_it()
    {
        CliHarness.AssertExit(0, await RunAsync("apply", CliHarness.ShippedModules));
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        const string refuseAll = "errors.add('name', 'refused by the edited script');\n";
        await File.WriteAllTextAsync(Path.Combine(modules[1], "scripts", "opportunity-rules.js"), refuseAll);

        var plan = await RunAsync("plan", modules);

        CliHarness.AssertExit(0, plan);
        Assert.DoesNotContain("No changes.", plan.Out);
        Assert.Contains("SCRIPT CHANGED: sales/scripts/opportunity-rules.js", plan.Out);
        Assert.DoesNotContain("convert-lead.js", plan.Out);

        var apply = await RunAsync("apply", modules);
        CliHarness.AssertExit(0, apply);
        Assert.Contains("SCRIPT CHANGED: sales/scripts/opportunity-rules.js", apply.Out);
        Assert.Contains("schema version 2", apply.Out);
        var applied = (await Storage.LatestSchemaAsync(Tenant))!.Definitions;
        Assert.Equal(refuseAll, applied.Modules.Single(m => m.Id == "sales").Scripts["scripts/opportunity-rules.js"]);
        Assert.Equal("No changes.", (await RunAsync("plan", modules)).Out.Trim());
    }

    [Fact]
    public async Task Export_of_an_unknown_tenant_fails_with_one_line()
    {
        var run = await CliHarness.RunAsync(["export", "--tenant", "nobody", .. Storage.Arguments, Temp.Combine("export")]);

        CliHarness.AssertExit(1, run);
        Assert.Equal("error: No tenant 'nobody'.", run.Error.Trim());
        Assert.False(Directory.Exists(Temp.Combine("export")));
    }

    [Fact]
    public async Task Plan_and_apply_of_invalid_modules_print_errors_and_create_no_tenant()
    {
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        await ModuleCopies.EditFieldAsync(modules[1], "opportunity", "account", field =>
        {
            field["target"] = "no_such_entity";
            return field;
        });
        var file = Path.Combine(modules[1], "entities", "opportunity.json");

        foreach (var command in new[] { "plan", "apply" })
        {
            var run = await RunAsync(command, modules);
            CliHarness.AssertExit(1, run);
            Assert.Contains(run.Error.Split('\n'), line => line.StartsWith(file + ":/fields/", StringComparison.Ordinal) && line.Contains("no_such_entity"));
            Assert.Equal("", run.Out);
        }
        Assert.Null(await Storage.FindTenantAsync(Tenant));
        Assert.False(await Storage.TenantDatabaseExistsAsync(Tenant));
    }

    private Task<CliRun> RunAsync(string command, string[] modules, params string[] extra) =>
        CliHarness.RunAsync([command, .. modules, "--tenant", Tenant, .. Storage.Arguments, .. extra]);
}
