using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Metadata.FieldTypes;
using Platform.Runtime;
using Platform.TestSupport;

namespace Platform.FieldTypes.Tests;

/// <summary>
/// A host (SQLite, temporary data directory) whose composition adds the percent type, and tenant "acme" with a module
/// whose "survey" entity has a percent field (with crm-core, which brings the administrator role).
/// </summary>
public sealed class PercentHost : IAsyncLifetime
{
    public const string Tenant = "acme";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-fieldtypes-").FullName;
    private WebApplicationFactory<Program>? _factory;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The module folder with the survey entity.</summary>
    public string ModuleFolder => Path.Combine(_dataDirectory, "modules", "surveys");

    public async Task InitializeAsync()
    {
        WriteModule();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in TestHostSettings.Common) builder.UseSetting(key, value);
            builder.UseSetting("provider", "sqlite");
            builder.UseSetting("data-dir", Path.Combine(_dataDirectory, "data"));
            builder.UseSetting("modules-dir", RepositoryPaths.Modules);
            builder.UseSetting("demo", "false");
            builder.UseEnvironment("Development");
            builder.ConfigureServices(services => services.AddFieldType<PercentFieldType>());
        });
        Client = _factory.CreateDefaultClient(new AdminTokenHandler());
        await WaitUntilHealthyAsync();
        var result = await Services.GetRequiredService<ModuleInstaller>().ApplyAsync(Tenant, [Path.Combine(RepositoryPaths.Modules, "crm-core"), ModuleFolder], allowDataLoss: false, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        await Services.GetRequiredService<TenantAdministrators>().EnsureAsync(Tenant, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
    }

    private void WriteModule()
    {
        Directory.CreateDirectory(Path.Combine(ModuleFolder, "entities"));
        File.WriteAllText(Path.Combine(ModuleFolder, "module.json"), """{ "id": "surveys", "version": "1.0.0" }""");
        File.WriteAllText(Path.Combine(ModuleFolder, "entities", "survey.json"), """
            {
              "name": "survey",
              "fields": [
                { "name": "title", "type": "text", "required": true },
                { "name": "share", "type": "percent", "label": "Share", "personal": true }
              ]
            }
            """);
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Client.GetAsync("/health");
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(100);
        }
        Assert.Fail("/health did not answer 200 within 60 s");
    }
}
