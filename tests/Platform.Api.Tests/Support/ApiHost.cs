using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records.Outbox;
using Platform.TestSupport;

namespace Platform.Api.Tests.Support;

/// <summary>
/// One in-memory host per provider (shared by a test class through a fixture), started with demo=false.
/// Tests get their own tenants from <see cref="CreateTenantAsync"/> so they never see each other's records.
/// <see cref="Client"/> signs in as each tenant's administrator by itself (see <see cref="AdminTokenHandler"/>);
/// <see cref="AnonymousClient"/> sends only what the test gives it.
/// </summary>
public abstract class ApiHost(TestProvider provider) : PlatformHostFixture(provider)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new();
    private int _tenants;

    /// <summary>Authenticated as the administrator of whichever tenant a request names.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>No credentials unless the test adds them.</summary>
    public HttpClient AnonymousClient { get; private set; } = null!;

    /// <inheritdoc cref="PlatformTestHost.ShippedModules"/>
    public static IReadOnlyList<string> ShippedModules => PlatformTestHost.ShippedModules;

    /// <summary>
    /// What the API suite's hosts add: short outbox polls (outbox tests wait for polls of a suspended tenant's events,
    /// and for retries) and a consumer that records what it is given.
    /// </summary>
    public static TestHostOptions SuiteOptions(bool demo = false) => new()
    {
        Settings = new Dictionary<string, string> { ["outbox:poll-seconds"] = "1" },
        Services = services =>
        {
            services.AddSingleton<RecordingOutboxConsumer>();
            services.AddSingleton<IOutboxConsumer>(provider => provider.GetRequiredService<RecordingOutboxConsumer>());
        },
        Demo = demo,
    };

    protected override TestHostOptions Options => SuiteOptions();

    protected override async Task StartedAsync()
    {
        Client = PlatformTestHost.AuthenticatedClient(Factory);
        AnonymousClient = Factory.CreateClient();
        await PlatformTestHost.WaitUntilHealthyAsync(Client, TimeSpan.FromSeconds(60));
    }

    protected override void Stopping()
    {
        Client?.Dispose();
        AnonymousClient?.Dispose();
    }

    /// <summary>A host of the API suite over the given storage settings, for tests that start and stop hosts themselves.</summary>
    public static WebApplicationFactory<Program> Start(IReadOnlyDictionary<string, string> settings, bool demo) =>
        PlatformTestHost.Start(settings, SuiteOptions(demo));

    /// <summary>Creates a new tenant with the shipped modules (and any extra module folders) through the installer.</summary>
    public async Task<string> CreateTenantAsync(params string[] extraModules)
    {
        var tenant = $"t{Interlocked.Increment(ref _tenants)}";
        await ApplyAsync(tenant, [.. ShippedModules, .. extraModules]);
        return tenant;
    }

    /// <summary>Applies module folders to a tenant (creating it when needed) and fails on errors or a refusal.</summary>
    public Task ApplyAsync(string tenant, IReadOnlyList<string> modules) => ApplyModulesAsync(tenant, modules);

    /// <summary>Builds a value once per host (e.g. a seeded tenant several tests read) and hands it to every caller.</summary>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> create) where T : notnull =>
        (T)await _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;
}

public sealed class SqliteApiHost() : ApiHost(TestProvider.Sqlite);

/// <summary>The host on PostgreSQL: a fresh database holds the catalog and one schema per tenant.</summary>
public sealed class PostgresApiHost() : ApiHost(TestProvider.Postgres);
