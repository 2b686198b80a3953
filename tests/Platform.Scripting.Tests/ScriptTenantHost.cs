using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.TestSupport;

namespace Platform.Scripting.Tests;

/// <summary>
/// A host (on SQLite unless the test class asks for another provider) with one tenant whose modules are crm-core,
/// sales and a module written by the test (entities and scripts given as file contents), reached through the HTTP API
/// as the tenant's administrator (signed in with a bearer token, see <see cref="AdminTokenHandler"/>). Each test gets
/// a host of its own.
/// </summary>
public abstract class ScriptTenantHost(TestProvider provider = TestProvider.Sqlite) : PlatformHostFixture(provider)
{
    protected HttpClient Client { get; private set; } = null!;
    protected const string Tenant = "scripts";

    /// <summary>module.json, entities/*.json and scripts/*.js of the test's own module: relative path to content.</summary>
    protected abstract IReadOnlyDictionary<string, string> ModuleFiles { get; }

    // One script of the tenant at a time, whatever the machine: nested runs and lock holders must still go ahead.
    protected override TestHostOptions Options { get; } =
        new() { Services = services => services.AddSingleton(new ScriptConcurrencyOptions { MaxRunsPerTenant = 1 }) };

    protected override async Task StartedAsync()
    {
        Client = PlatformTestHost.AuthenticatedClient(Factory);
        var folder = Path.Combine(Storage.DataDirectory, "module");
        foreach (var (path, content) in ModuleFiles)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, content);
        }
        await ApplyModulesAsync(Tenant, [.. PlatformTestHost.ShippedModules, folder]);
    }

    protected override void Stopping() => Client?.Dispose();

    /// <summary>Sends to /api/{tenant}/{path} and asserts the status.</summary>
    protected async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, $"/api/{Tenant}/{path}") { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    protected Task<JsonElement> DataAsync(HttpMethod method, string path, object? body, HttpStatusCode expected) =>
        SendAsync(method, "data/" + path, body, expected);

    /// <summary>The rows of an entity matching a filter.</summary>
    protected async Task<List<JsonElement>> ListAsync(string entity, string? filter = null)
    {
        var list = await DataAsync(HttpMethod.Get, entity + (filter is null ? "" : "?$filter=" + Uri.EscapeDataString(filter)), null, HttpStatusCode.OK);
        return list.GetProperty("value").EnumerateArray().ToList();
    }
}
