using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Runtime;
using Platform.TestSupport;

namespace Platform.Workflows.Tests.Support;

/// <summary>
/// The platform host in memory over SQLite or PostgreSQL, with workflow timers polled every 200 ms and an HTTP
/// allowlist for the tenants <see cref="HttpTenant"/> (127.0.0.1 allowed, private access too) and
/// <see cref="PublicOnlyTenant"/> (127.0.0.1 listed, but not for private access). <see cref="RestartAsync"/> stops the
/// host and starts a new one over the same databases.
/// </summary>
public abstract class WorkflowHost : IAsyncLifetime
{
    public const string HttpTenant = "wfhttp";
    public const string PublicOnlyTenant = "wfpublic";

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new();
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();
    private WebApplicationFactory<Program>? _factory;
    private int _tenants;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The workflow engine's clock, which tests move forward to make timers due.</summary>
    public ShiftingClock Clock { get; } = new();

    protected abstract Task<IReadOnlyDictionary<string, string>> PrepareStorageAsync();

    protected abstract Task ReleaseStorageAsync();

    public async Task InitializeAsync()
    {
        _settings = await PrepareStorageAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        await ReleaseStorageAsync();
    }

    /// <summary>Stops the host (its timers with it) and starts a new one over the same storage, as a restart would.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in TestHostSettings.Common) builder.UseSetting(key, value);
            builder.UseSetting("outbox:poll-seconds", "1");
            builder.UseSetting("workflows:poll-ms", "200");
            builder.UseSetting($"workflows:http-allow-private:{HttpTenant}", "127.0.0.1");
            builder.UseSetting($"workflows:http-allow:{PublicOnlyTenant}", "127.0.0.1");
            foreach (var (key, value) in _settings) builder.UseSetting(key, value);
            builder.UseSetting("modules-dir", RepositoryPaths.Modules);
            builder.UseSetting("demo", "false");
            builder.UseEnvironment("Development");
            builder.ConfigureTestServices(services =>
                services.AddSingleton(provider => ActivatorUtilities.CreateInstance<Platform.Workflows.Runtime.WorkflowEngine>(provider, (TimeProvider)Clock)));
        });
        Client = _factory.CreateDefaultClient(new AdminTokenHandler());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Client.GetAsync("/health");
            if (response.IsSuccessStatusCode) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"/health answered {(int)response.StatusCode}");
            await Task.Delay(100);
        }
    }

    private async Task StopAsync()
    {
        Client?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        _factory = null;
    }

    /// <summary>A client signed in as a user of the tenant (password <see cref="TenantUsers.Password"/>); a restart needs a new one.</summary>
    public async Task<HttpClient> UserClientAsync(string tenant, string userName)
    {
        var token = await TenantUsers.TokenAsync(_factory!.CreateClient(), tenant, userName, TenantUsers.Password);
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A test module folder of this project (copied next to the tests).</summary>
    public static string TestModule(string name) => Path.Combine(AppContext.BaseDirectory, "Modules", name);

    /// <summary>A new tenant with crm-core and sales (or the given name, for the HTTP allowlist tenants) and any extra module folders.</summary>
    public async Task<string> CreateTenantAsync(string? name = null, params string[] extraModules)
    {
        var tenant = name ?? $"w{Interlocked.Increment(ref _tenants)}";
        var result = await ApplyAsync(tenant, extraModules);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        await Services.GetRequiredService<TenantAdministrators>().EnsureAsync(tenant, CancellationToken.None);
        return tenant;
    }

    /// <summary>Applies crm-core, sales and the extra module folders to a tenant (creating it when needed).</summary>
    public Task<ModuleInstallResult> ApplyAsync(string tenant, params string[] extraModules) =>
        Services.GetRequiredService<ModuleInstaller>().ApplyAsync(tenant,
            [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales"), .. extraModules], allowDataLoss: false, CancellationToken.None);

    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> create) where T : notnull =>
        (T)await _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    public async Task<TenantRuntime> RuntimeAsync(string tenant) =>
        (await Services.GetRequiredService<TenantRuntimeCache>().GetAsync(tenant, CancellationToken.None))!;
}

public sealed class SqliteWorkflowHost : WorkflowHost
{
    private string? _directory;

    protected override Task<IReadOnlyDictionary<string, string>> PrepareStorageAsync()
    {
        _directory = Directory.CreateTempSubdirectory("platform-workflows-").FullName;
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["provider"] = "sqlite", ["data-dir"] = _directory });
    }

    protected override Task ReleaseStorageAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (_directory is not null) Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
        return Task.CompletedTask;
    }
}

public sealed class PostgresWorkflowHost : WorkflowHost
{
    private PostgresTestDatabase? _database;

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareStorageAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return new Dictionary<string, string> { ["provider"] = "postgres", ["connection"] = _database.ConnectionString };
    }

    protected override async Task ReleaseStorageAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
