using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Runtime;
using Platform.TestSupport;

namespace Platform.Scripting.Tests;

/// <summary>
/// A host on SQLite with one tenant whose modules are crm-core, sales and a module written by the test (entities and
/// scripts given as file contents), reached through the HTTP API as the tenant's administrator (signed in with a
/// bearer token, see <see cref="AdminTokenHandler"/>).
/// </summary>
public abstract class ScriptTenantHost : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-scripts-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    protected HttpClient Client { get; private set; } = null!;
    protected const string Tenant = "scripts";
    protected IServiceProvider Services => _factory.Services;

    /// <summary>module.json, entities/*.json and scripts/*.js of the test's own module: relative path to content.</summary>
    protected abstract IReadOnlyDictionary<string, string> ModuleFiles { get; }

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in TestHostSettings.Common) builder.UseSetting(key, value);
            builder.UseSetting("provider", "sqlite");
            builder.UseSetting("data-dir", _dataDirectory);
            builder.UseSetting("modules-dir", RepositoryPaths.Modules);
            builder.UseSetting("demo", "false");
            // One script of the tenant at a time, whatever the machine: nested runs and lock holders must still go ahead.
            builder.ConfigureServices(services => services.AddSingleton(new ScriptConcurrencyOptions { MaxRunsPerTenant = 1 }));
        });
        Client = _factory.CreateDefaultClient(new AdminTokenHandler());
        var folder = Path.Combine(_dataDirectory, "module");
        foreach (var (path, content) in ModuleFiles)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, content);
        }
        var installer = _factory.Services.GetRequiredService<ModuleInstaller>();
        var result = await installer.ApplyAsync(Tenant,
            [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales"), folder],
            allowDataLoss: false, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        await _factory.Services.GetRequiredService<TenantAdministrators>().EnsureAsync(Tenant, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

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
