using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Runtime;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// One host on fresh storage of the given provider for the life of a fixture (or of a test, for a test class that
/// derives from it): started before, stopped and its storage deleted after. Suites derive to add options and set-up.
/// </summary>
public abstract class PlatformHostFixture(TestProvider provider) : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private TestStorage? _storage;

    public TestProvider Provider { get; } = provider;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The host has not started.");

    public IServiceProvider Services => Factory.Services;

    public TestStorage Storage => _storage ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>What this suite adds to the host.</summary>
    protected virtual TestHostOptions Options => new();

    /// <summary>Runs once the host is up: tenants, users, clients.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>Runs before the host stops: disposes what <see cref="StartedAsync"/> made.</summary>
    protected virtual void Stopping()
    {
    }

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(Provider);
        _factory = PlatformTestHost.Start(_storage, Options);
        await StartedAsync();
    }

    public async Task DisposeAsync()
    {
        Stopping();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_storage is not null) await _storage.DisposeAsync();
    }

    /// <inheritdoc cref="PlatformTestHost.ApplyModulesAsync"/>
    public Task<ModuleInstallResult> ApplyModulesAsync(string tenant, IReadOnlyList<string> modules) =>
        PlatformTestHost.ApplyModulesAsync(Services, tenant, modules);
}
