using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Runtime;
using Platform.Scripting;
using Platform.Templates;
using Platform.Tenancy;
using Platform.TestSupport;

namespace Platform.Messaging.Tests.Email;

/// <summary>
/// A worker-style composition (no web host) over a real SQLite or PostgreSQL catalog with the messaging services, and
/// a data directory for written mail. Tests drive the dispatcher themselves; each test gets its own tenant.
/// </summary>
public abstract class MessagingHost : IAsyncLifetime
{
    private int _tenants;
    private IAsyncDisposable? _database;

    public ServiceProvider Services { get; private set; } = null!;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("platform-messaging-").FullName;

    protected abstract Task<(PlatformStorageOptions Storage, IAsyncDisposable Database)> StorageAsync();

    public async Task InitializeAsync()
    {
        var (storage, database) = await StorageAsync();
        _database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["email:deliver"] = "false" }).Build();
        Services = new ServiceCollection()
            .AddLogging()
            .AddPlatformRuntime(storage)
            .AddPlatformScripting()
            .AddPlatformRecords()
            .AddPlatformTemplates()
            .AddPlatformMessaging(configuration, DataDirectory)
            .BuildServiceProvider();
    }

    public async Task<TenantRuntime> CreateTenantAsync()
    {
        var tenant = $"m{Interlocked.Increment(ref _tenants)}";
        var created = await Services.GetRequiredService<TenantAdministration>().CreateAsync(tenant, null,
            [Path.Combine(RepositoryPaths.Modules, "crm-core")], CancellationToken.None);
        Assert.False(created.Install.HasErrors, string.Join("\n", created.Install.Errors));
        return (await Services.GetRequiredService<TenantRuntimeCache>().GetAsync(tenant, CancellationToken.None))!;
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
    }
}

public sealed class SqliteMessagingHost : MessagingHost
{
    protected override Task<(PlatformStorageOptions, IAsyncDisposable)> StorageAsync() =>
        Task.FromResult<(PlatformStorageOptions, IAsyncDisposable)>((PlatformStorageOptions.Sqlite(Path.Combine(DataDirectory, "db")), new NoDatabase()));

    private sealed class NoDatabase : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class PostgresMessagingHost : MessagingHost
{
    protected override async Task<(PlatformStorageOptions, IAsyncDisposable)> StorageAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return (PlatformStorageOptions.Postgres(database.ConnectionString), database);
    }
}
