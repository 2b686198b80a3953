using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Runtime;
using Platform.TestSupport;

namespace Platform.Security.Tests.Support;

/// <summary>
/// One tenant with crm-core, sales and the secure-test fixture module, and the <see cref="TestUsers"/> as real users:
/// created through the users admin API and signed in through the token endpoint, like any client. Shared by the tests
/// of a class; each test makes its own records.
/// </summary>
public abstract class SecurityHost(TestProvider provider) : PlatformHostFixture(provider)
{
    public const string Tenant = "secure";
    private readonly Dictionary<TestUser, SignedInUser> _users = [];

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous { get; private set; } = null!;
    public RecordService Records { get; private set; } = null!;
    public TenantRuntime Runtime { get; private set; } = null!;

    protected override async Task StartedAsync()
    {
        Anonymous = Factory.CreateClient();
        await ApplyModulesAsync(Tenant, [.. PlatformTestHost.ShippedModules, Path.Combine(AppContext.BaseDirectory, "Fixtures", "secure-test")]);
        Records = Services.GetRequiredService<RecordService>();
        Runtime = (await Services.GetRequiredService<TenantRuntimeCache>().GetAsync(Tenant, CancellationToken.None))!;
        await SignInAllAsync();
    }

    /// <summary>Creates every test user but the administrator (the platform made that one) and signs each in.</summary>
    private async Task SignInAllAsync()
    {
        using var admin = PlatformTestHost.AuthenticatedClient(Factory);
        foreach (var user in TestUsers.All)
        {
            var isAdmin = user.UserName == TestAdmin.UserName;
            if (!isAdmin) await TenantUsers.CreateAsync(admin, Tenant, user.UserName, user.Roles, user.Teams, user.BusinessUnit);
            var token = await TenantUsers.TokenAsync(Anonymous, Tenant, user.UserName, isAdmin ? TestAdmin.Password : TenantUsers.Password);
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var me = await JsonAsync(await client.GetAsync($"/api/{Tenant}/auth/me"));
            Assert.Equal(user.BusinessUnit, me.GetProperty("business_unit").GetString());
            _users[user] = new SignedInUser(user, Guid.Parse(me.GetProperty("id").GetString()!), client);
        }
    }

    protected override void Stopping()
    {
        foreach (var user in _users.Values) user.Client.Dispose();
        Anonymous?.Dispose();
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

public sealed class SqliteSecurityHost() : SecurityHost(TestProvider.Sqlite);

/// <summary>The same tenant on PostgreSQL (server from PLATFORM_TEST_POSTGRES; a fresh database per test class).</summary>
public sealed class PostgresSecurityHost() : SecurityHost(TestProvider.Postgres);
