using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Records;
using Platform.Runtime;
using Platform.TestSupport;

namespace Platform.Security.Tests.Support;

/// <summary>
/// One tenant with crm-core, sales and the secure-test fixture module, and the <see cref="TestUsers"/> as real users:
/// created through the users admin API and signed in through the token endpoint, like any client. Shared by the tests
/// of a class; each test makes its own records.
/// </summary>
public abstract class SecurityHost : IAsyncLifetime
{
    public const string Tenant = "secure";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-security-").FullName;
    private readonly Dictionary<TestUser, SignedInUser> _users = [];
    private WebApplicationFactory<Program> _factory = null!;

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous { get; private set; } = null!;
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
            foreach (var (key, value) in TestHostSettings.Common) builder.UseSetting(key, value);
            foreach (var (key, value) in storage) builder.UseSetting(key, value);
            builder.UseSetting("data-dir", _dataDirectory);
            builder.UseSetting("modules-dir", RepositoryPaths.Modules);
            builder.UseSetting("demo", "false");
        });
        Anonymous = _factory.CreateClient();
        var installer = _factory.Services.GetRequiredService<ModuleInstaller>();
        var result = await installer.ApplyAsync(Tenant,
            [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales"),
             Path.Combine(AppContext.BaseDirectory, "Fixtures", "secure-test")],
            allowDataLoss: false, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        await _factory.Services.GetRequiredService<TenantAdministrators>().EnsureAsync(Tenant, CancellationToken.None);
        Records = _factory.Services.GetRequiredService<RecordService>();
        Runtime = (await _factory.Services.GetRequiredService<TenantRuntimeCache>().GetAsync(Tenant, CancellationToken.None))!;
        await SignInAllAsync();
    }

    /// <summary>Creates every test user but the administrator (the platform made that one) and signs each in.</summary>
    private async Task SignInAllAsync()
    {
        using var admin = _factory.CreateDefaultClient(new AdminTokenHandler());
        foreach (var user in TestUsers.All)
        {
            var isAdmin = user.UserName == TestAdmin.UserName;
            if (!isAdmin) await TenantUsers.CreateAsync(admin, Tenant, user.UserName, user.Roles, user.Teams, user.BusinessUnit);
            var token = await TenantUsers.TokenAsync(Anonymous, Tenant, user.UserName, isAdmin ? TestAdmin.Password : TenantUsers.Password);
            var client = _factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var me = await JsonAsync(await client.GetAsync($"/api/{Tenant}/auth/me"));
            Assert.Equal(user.BusinessUnit, me.GetProperty("business_unit").GetString());
            _users[user] = new SignedInUser(user, Guid.Parse(me.GetProperty("id").GetString()!), client);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var user in _users.Values) user.Client.Dispose();
        Anonymous.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await ReleaseStorageAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>The user's id in this host's tenant.</summary>
    public Guid IdOf(TestUser user) => _users[user].Id;

    /// <summary>The actor the user's sign-in gives, for calls straight to <see cref="RecordService"/>.</summary>
    public RecordActor Actor(TestUser user) => _users[user].Actor;

    /// <summary>A record service like the host's, but writing its audit events to <paramref name="audit"/>.</summary>
    public RecordService RecordsWithAudit(Platform.Records.Auditing.IAuditLog audit) =>
        new([], security: new Platform.Records.Security.RecordSecurity(Services.GetRequiredService<Platform.Records.Security.IUserDirectory>()), audit: audit);

    /// <summary>Creates an account owned by the user (and stamped with their business unit), through RecordService.</summary>
    public async Task<Guid> AccountOfAsync(TestUser owner, string name, object? more = null)
    {
        var body = JsonSerializer.SerializeToNode(more ?? new { })!.AsObject();
        body["name"] = name;
        var (created, _) = await Records.CreateAsync(Runtime, "account", JsonSerializer.SerializeToElement(body), Actor(owner), null, CancellationToken.None);
        return (Guid)created!["id"]!;
    }

    /// <summary>Sends a request to the tenant's API as the user (with their bearer token), or without credentials when null.</summary>
    public async Task<HttpResponseMessage> SendAsync(TestUser? user, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, $"/api/{Tenant}/{path}");
        if (body is not null) request.Content = JsonContent.Create(body);
        return await (user is null ? Anonymous : _users[user].Client).SendAsync(request);
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
