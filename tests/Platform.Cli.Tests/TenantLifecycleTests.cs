using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

/// <summary><c>tenant create|list|suspend|resume|delete</c> against one provider; run on SQLite and PostgreSQL by the subclasses.</summary>
public abstract class TenantLifecycleTests : TenantStorageTests
{
    [Fact]
    public async Task Create_with_modules_then_suspend_resume_and_delete_walk_the_whole_lifecycle()
    {
        var created = await RunAsync(["create", "globex", "--modules", .. CliHarness.ShippedModules]);
        CliHarness.AssertExit(0, created);
        Assert.Contains("Created tenant 'globex'", created.Out);
        Assert.Contains("schema version 1", created.Out);
        Assert.True(await Storage.TableExistsAsync("globex", "opportunity"));

        Assert.Matches(@"globex\s+Active", (await RunAsync("list")).Out);
        CliHarness.AssertExit(0, await RunAsync("suspend", "globex"));
        Assert.Equal(Platform.Tenancy.TenantStatus.Suspended, (await Storage.FindTenantAsync("globex"))!.Status);
        Assert.Matches(@"globex\s+Suspended", (await RunAsync("list")).Out);
        CliHarness.AssertExit(0, await RunAsync("resume", "globex"));
        Assert.Equal(Platform.Tenancy.TenantStatus.Active, (await Storage.FindTenantAsync("globex"))!.Status);

        var unconfirmed = await RunAsync("delete", "globex");
        CliHarness.AssertExit(1, unconfirmed);
        Assert.Contains("--confirm globex", unconfirmed.Error);
        Assert.True(await Storage.TenantDatabaseExistsAsync("globex"));

        var deleted = await RunAsync("delete", "globex", "--confirm", "globex");
        CliHarness.AssertExit(0, deleted);
        Assert.Null(await Storage.FindTenantAsync("globex"));
        Assert.False(await Storage.TenantDatabaseExistsAsync("globex"));
        Assert.Equal("No tenants.", (await RunAsync("list")).Out.Trim());
    }

    [Fact]
    public async Task Create_refuses_a_taken_a_reserved_and_a_malformed_id()
    {
        CliHarness.AssertExit(0, await RunAsync("create", "initech"));

        var taken = await RunAsync("create", "initech");
        CliHarness.AssertExit(1, taken);
        Assert.Contains("already exists", taken.Error);

        var reserved = await RunAsync("create", "admin");
        CliHarness.AssertExit(1, reserved);
        Assert.Contains("reserved", reserved.Error);
        Assert.Null(await Storage.FindTenantAsync("admin"));

        CliHarness.AssertExit(1, await RunAsync("create", "Bad_Id"));
    }

    [Fact]
    public async Task Create_with_invalid_modules_keeps_no_tenant()
    {
        var modules = ModuleCopies.CopyShipped(Temp.Path);
        await ModuleCopies.EditFieldAsync(modules[1], "opportunity", "account", field =>
        {
            field["target"] = "no_such_entity";
            return field;
        });

        var run = await RunAsync(["create", "umbrella", "--modules", .. modules]);

        CliHarness.AssertExit(1, run);
        Assert.Contains("no_such_entity", run.Error);
        Assert.Contains("was not kept", run.Error);
        Assert.Null(await Storage.FindTenantAsync("umbrella"));
        Assert.False(await Storage.TenantDatabaseExistsAsync("umbrella"));
    }

    [Fact]
    public async Task A_running_hosts_cached_runtime_sees_a_suspension_and_a_deletion_made_elsewhere_when_it_revalidates()
    {
        CliHarness.AssertExit(0, await RunAsync(["create", "hooli", "--modules", .. CliHarness.ShippedModules]));
        var host = new Platform.Runtime.TenantRuntimeCache(new Platform.Tenancy.TenantCatalog(Storage.Options));
        var runtime = (await host.GetAsync("hooli", CancellationToken.None))!;
        Assert.Equal(Platform.Tenancy.TenantStatus.Active, runtime.Status);

        CliHarness.AssertExit(0, await RunAsync("suspend", "hooli"));
        runtime.LoadedAt = DateTime.UtcNow - Platform.Runtime.TenantRuntimeCache.RevalidateAfter - TimeSpan.FromSeconds(1);
        Assert.Equal(Platform.Tenancy.TenantStatus.Suspended, (await host.GetAsync("hooli", CancellationToken.None))!.Status);

        CliHarness.AssertExit(0, await RunAsync("delete", "hooli", "--confirm", "hooli"));
        runtime.LoadedAt = DateTime.UtcNow - Platform.Runtime.TenantRuntimeCache.RevalidateAfter - TimeSpan.FromSeconds(1);
        Assert.Null(await host.GetAsync("hooli", CancellationToken.None));
    }

    [Fact]
    public async Task Suspending_or_deleting_an_unknown_tenant_is_an_error()
    {
        CliHarness.AssertExit(1, await RunAsync("suspend", "nobody"));
        CliHarness.AssertExit(1, await RunAsync("delete", "nobody", "--confirm", "nobody"));
    }

    protected Task<CliRun> RunAsync(params string[] args) => CliHarness.RunAsync(["tenant", .. args, .. Storage.Arguments]);
}

public sealed class SqliteTenantLifecycleTests : TenantLifecycleTests
{
    protected override Task<TenantStorage> CreateStorageAsync() => Task.FromResult<TenantStorage>(new SqliteTenantStorage());
}

public sealed class PostgresTenantLifecycleTests : TenantLifecycleTests
{
    protected override async Task<TenantStorage> CreateStorageAsync() => await PostgresTenantStorage.CreateAsync();

    [Fact]
    public async Task A_tenant_can_be_placed_on_another_server_and_is_found_there_by_the_catalog()
    {
        await using var other = await Platform.TestSupport.PostgresTestDatabase.CreateAsync();

        var created = await RunAsync(["create", "faraway", "--tenant-connection", other.ConnectionString, "--modules", .. CliHarness.ShippedModules]);

        CliHarness.AssertExit(0, created);
        var tenant = (await Storage.FindTenantAsync("faraway"))!;
        Assert.Equal(other.ConnectionString, tenant.Database.ConnectionString);
        Assert.True(await Storage.TableExistsAsync("faraway", "opportunity"));
        // Nothing of the tenant lives in the platform database.
        Assert.False(await Storage.TenantDatabaseExistsAsync("faraway"));

        CliHarness.AssertExit(0, await RunAsync("delete", "faraway", "--confirm", "faraway"));
        Assert.Null(await Storage.FindTenantAsync("faraway"));
    }
}
