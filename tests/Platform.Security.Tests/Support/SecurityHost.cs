using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Records.Security;
using Platform.Runtime;
using Platform.TestSupport;

namespace Platform.Security.Tests.Support;

/// <summary>
/// One tenant with crm-core, sales and the secure-test fixture module, a header login standing in for identity,
/// and <see cref="TestUsers"/> as the user directory. Shared by the tests of a class; each test makes its own records.
/// </summary>
public abstract class SecurityHost : IAsyncLifetime
{
    public const string Tenant = "secure";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-security-").FullName;
    private WebApplicationFactory<Program> _factory = null!;

    public HttpClient Http { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;
    public RecordService Records { get; private set; } = null!;
    public TenantRuntime Runtime { get; private set; } = null!;

    /// <summary>The host settings that choose and locate the database.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> PrepareStorageAsync();

    protected virtual Task ReleaseStorageAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var storage = await PrepareStorageAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in storage) builder.UseSetting(key, value);
            builder.UseSetting("data-dir", _dataDirectory);
            builder.UseSetting("modules-dir", RepositoryPaths.Modules);
            builder.UseSetting("demo", "false");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IUserDirectory, TestUsers>();
                services.AddAuthentication(HeaderAuthentication.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, _ => { });
            });
        });
        Http = _factory.CreateClient();
        var installer = _factory.Services.GetRequiredService<ModuleInstaller>();
        var result = await installer.ApplyAsync(Tenant,
            [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales"),
             Path.Combine(AppContext.BaseDirectory, "Fixtures", "secure-test")],
            allowDataLoss: false, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Records = _factory.Services.GetRequiredService<RecordService>();
        Runtime = (await _factory.Services.GetRequiredService<TenantRuntimeCache>().GetAsync(Tenant, CancellationToken.None))!;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await ReleaseStorageAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Creates an account owned by the user (and stamped with their business unit), through RecordService.</summary>
    public async Task<Guid> AccountOfAsync(DirectoryUser owner, string name, object? more = null)
    {
        var body = JsonSerializer.SerializeToNode(more ?? new { })!.AsObject();
        body["name"] = name;
        var (created, _) = await Records.CreateAsync(Runtime, "account", JsonSerializer.SerializeToElement(body), TestUsers.Actor(owner), null, CancellationToken.None);
        return (Guid)created!["id"]!;
    }

    public async Task<HttpResponseMessage> SendAsync(DirectoryUser? user, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, $"/api/{Tenant}/{path}");
        if (user is not null) request.Headers.Add(HeaderAuthentication.Header, user.UserName);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await Http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

public sealed class SqliteSecurityHost : SecurityHost
{
    protected override Task<IReadOnlyDictionary<string, string>> PrepareStorageAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["provider"] = "sqlite" });
}

/// <summary>The same tenant on PostgreSQL (server from PLATFORM_TEST_POSTGRES; a fresh database per test class).</summary>
public sealed class PostgresSecurityHost : SecurityHost
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
