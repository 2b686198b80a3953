using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Records.Outbox;
using Platform.Runtime;
using Platform.TestSupport;

namespace Platform.Api.Tests.Support;

/// <summary>
/// One in-memory host per provider (shared by a test class through a fixture), started with demo=false.
/// Tests get their own tenants from <see cref="CreateTenantAsync"/> so they never see each other's records.
/// <see cref="Client"/> signs in as each tenant's administrator by itself (see <see cref="AdminTokenHandler"/>);
/// <see cref="AnonymousClient"/> sends only what the test gives it.
/// </summary>
public abstract class ApiHost : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new();
    private WebApplicationFactory<Program>? _factory;
    private int _tenants;

    /// <summary>Authenticated as the administrator of whichever tenant a request names.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>No credentials unless the test adds them.</summary>
    public HttpClient AnonymousClient { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory => _factory!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>crm-core and sales, as shipped.</summary>
    public static IReadOnlyList<string> ShippedModules { get; } =
        [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales")];

    /// <summary>Settings naming the provider and where its data lives (provider, connection or data-dir).</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> PrepareStorageAsync();

    protected abstract Task ReleaseStorageAsync();

    public async Task InitializeAsync()
    {
        var settings = await PrepareStorageAsync();
        _factory = Start(settings, demo: false);
        Client = AuthenticatedClient(_factory);
        AnonymousClient = _factory.CreateClient();
        await WaitUntilHealthyAsync(Client, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        AnonymousClient?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await ReleaseStorageAsync();
    }

    /// <summary>A host over the given storage; <paramref name="demo"/> false skips the demo tenant.</summary>
    public static WebApplicationFactory<Program> Start(IReadOnlyDictionary<string, string> settings, bool demo) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in TestHostSettings.Common) builder.UseSetting(key, value);
            // Outbox tests wait for polls (a suspended tenant's events) and retries: keep those short.
            builder.UseSetting("outbox:poll-seconds", "1");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.UseSetting("modules-dir", RepositoryPaths.Modules);
            builder.UseSetting("demo", demo ? "true" : "false");
            builder.UseEnvironment("Development");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<RecordingOutboxConsumer>();
                services.AddSingleton<IOutboxConsumer>(provider => provider.GetRequiredService<RecordingOutboxConsumer>());
            });
        });

    /// <summary>A client of <paramref name="factory"/> that signs in as each tenant's administrator by itself.</summary>
    public static HttpClient AuthenticatedClient(WebApplicationFactory<Program> factory) => factory.CreateDefaultClient(new AdminTokenHandler());

    /// <summary>Polls /health until it answers 200; fails with the last status after the timeout.</summary>
    public static async Task WaitUntilHealthyAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/health");
            if (response.IsSuccessStatusCode) return;
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (last.Contains("start-up failed", StringComparison.Ordinal)) break;
            await Task.Delay(100);
        }
        Assert.Fail($"/health did not answer 200 (waited up to {timeout.TotalSeconds:0} s); last answer: {last}");
    }

    /// <summary>Creates a new tenant with the shipped modules (and any extra module folders) through the installer.</summary>
    public async Task<string> CreateTenantAsync(params string[] extraModules)
    {
        var tenant = $"t{Interlocked.Increment(ref _tenants)}";
        await ApplyAsync(tenant, [.. ShippedModules, .. extraModules]);
        return tenant;
    }

    /// <summary>Applies module folders to a tenant (creating it when needed) and fails on errors or a refusal.</summary>
    public async Task ApplyAsync(string tenant, IReadOnlyList<string> modules)
    {
        var installer = Services.GetRequiredService<ModuleInstaller>();
        var result = await installer.ApplyAsync(tenant, modules, allowDataLoss: false, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.False(result.Refused, result.Applied?.Reason);
        // As on the host's first start: the tenant gets its administrator (with the test password).
        await Services.GetRequiredService<TenantAdministrators>().EnsureAsync(tenant, CancellationToken.None);
    }

    /// <summary>Builds a value once per host (e.g. a seeded tenant several tests read) and hands it to every caller.</summary>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> create) where T : notnull =>
        (T)await _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;
}
