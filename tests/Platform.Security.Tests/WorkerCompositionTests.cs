using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Audit;
using Platform.Audit.Trail;
using Platform.Records;
using Platform.Runtime;
using Platform.Scripting;
using Platform.Storage.Providers;
using Platform.Tenancy;
using Platform.TestSupport;

namespace Platform.Security.Tests;

/// <summary>
/// A process without HTTP (the workflow runner) composes the same services as the API from a plain service collection
/// — runtime, scripting, records, audit — and its writes go through the one write path, scripts and audit included.
/// </summary>
public abstract class WorkerCompositionTests
{
    protected abstract Task<(PlatformStorageOptions Storage, IAsyncDisposable Database)> StorageAsync();

    [Fact]
    public async Task A_worker_composed_without_a_web_host_writes_a_record_with_its_scripts_and_audit_entry()
    {
        var (storage, database) = await StorageAsync();
        await using var _ = database;
        var services = new ServiceCollection()
            .AddPlatformRuntime(storage)
            .AddPlatformScripting()
            .AddPlatformRecords()
            .AddPlatformAudit();
        await using var provider = services.BuildServiceProvider();

        var created = await provider.GetRequiredService<TenantAdministration>().CreateAsync("worker", null,
            [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales")], CancellationToken.None);
        Assert.False(created.Install.HasErrors, string.Join("\n", created.Install.Errors));
        var runtime = (await provider.GetRequiredService<TenantRuntimeCache>().GetAsync("worker", CancellationToken.None))!;
        var body = JsonSerializer.SerializeToElement(new { full_name = "Ada Lovelace", email = "ada@example.com", source = "referral" });
        var (lead, _) = await provider.GetRequiredService<RecordService>()
            .CreateAsync(runtime, "lead", body, RecordActor.System, null, CancellationToken.None);

        Assert.Equal(50L, Convert.ToInt64(lead!["score"])); // the formula ran, with its library
        var id = (Guid)lead["id"]!;
        var trail = await AuditReader.ReadAsync(runtime, new AuditQuery { Entity = "lead", RecordId = id }, CancellationToken.None);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal(AuditActions.Create, entry.Action);
        Assert.Equal("Ada Lovelace", entry.Changes!["full_name"]!["new"]!.GetValue<string>());
    }

    [Fact]
    public void The_services_it_composes_do_not_depend_on_ASP_NET_Core()
    {
        var seen = new HashSet<string>();
        var pending = new Stack<Assembly>([typeof(AuditServices).Assembly, typeof(ScriptingServices).Assembly, typeof(RuntimeServices).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                Assert.False(reference.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), $"{assembly.GetName().Name} references {reference.Name}");
                if (reference.Name.StartsWith("Platform.", StringComparison.Ordinal) && seen.Add(reference.Name)) pending.Push(Assembly.Load(reference));
            }
        }
        Assert.Contains("Platform.Records", seen);
    }
}

public sealed class SqliteWorkerCompositionTests : WorkerCompositionTests
{
    protected override Task<(PlatformStorageOptions, IAsyncDisposable)> StorageAsync()
    {
        var database = new SqliteTestDatabase();
        return Task.FromResult<(PlatformStorageOptions, IAsyncDisposable)>((PlatformStorageOptions.Sqlite(database.DirectoryPath), new Disposing(database)));
    }

    private sealed class Disposing(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class PostgresWorkerCompositionTests : WorkerCompositionTests
{
    protected override async Task<(PlatformStorageOptions, IAsyncDisposable)> StorageAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return (PlatformStorageOptions.Postgres(database.ConnectionString), database);
    }
}
