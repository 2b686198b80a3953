using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Runtime;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// The in-memory platform host every suite starts: the real Program with <see cref="TestHostSettings.Common"/>, the
/// storage's settings, the shipped modules folder and the suite's <see cref="TestHostOptions"/>.
/// </summary>
public static class PlatformTestHost
{
    /// <summary>crm-core and sales, as shipped.</summary>
    public static IReadOnlyList<string> ShippedModules { get; } =
        [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales")];

    public static WebApplicationFactory<Program> Start(TestStorage storage, TestHostOptions? options = null) => Start(storage.Settings, options);

    /// <summary>A host over storage given as settings (provider, data-dir, connection), for tests that place it themselves.</summary>
    public static WebApplicationFactory<Program> Start(IReadOnlyDictionary<string, string> storage, TestHostOptions? options = null)
    {
        options ??= new TestHostOptions();
        return new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in TestHostSettings.Common) builder.UseSetting(key, value);
            foreach (var (key, value) in storage) builder.UseSetting(key, value);
            foreach (var (key, value) in options.Settings) builder.UseSetting(key, value);
            builder.UseSetting("modules-dir", RepositoryPaths.Modules);
            builder.UseSetting("demo", options.Demo ? "true" : "false");
            if (options.Services is { } services) builder.ConfigureServices(services);
        });
    }

    /// <summary>A client of <paramref name="factory"/> that signs in as each tenant's administrator by itself.</summary>
    public static HttpClient AuthenticatedClient(WebApplicationFactory<Program> factory) => factory.CreateDefaultClient(new AdminTokenHandler());

    /// <summary>Polls /health until it answers 200; fails with the last answer after the timeout.</summary>
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

    /// <summary>
    /// Applies module folders to a tenant (creating it when needed), fails on errors or a refusal, and gives the tenant
    /// its administrator with the test password, as the host's first start does.
    /// </summary>
    public static async Task<ModuleInstallResult> ApplyModulesAsync(IServiceProvider services, string tenant, IReadOnlyList<string> modules)
    {
        var result = await services.GetRequiredService<ModuleInstaller>().ApplyAsync(tenant, modules, allowDataLoss: false, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.False(result.Refused, result.Applied?.Reason);
        await services.GetRequiredService<TenantAdministrators>().EnsureAsync(tenant, CancellationToken.None);
        return result;
    }
}
