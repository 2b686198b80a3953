using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Api.Tests.Support;
using Platform.TestSupport;

namespace Platform.Api.Tests;

/// <summary>The operator API over tenants (/api/admin/tenants) and the limits every request passes, on a SQLite host of their own.</summary>
public sealed class OperatorApiTests : IAsyncLifetime
{
    private const string Key = "operator-secret-for-tests";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-operator-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private HttpClient _tenantClient = null!;

    public async Task InitializeAsync()
    {
        _factory = ApiHost.Start(new Dictionary<string, string>
        {
            ["provider"] = "sqlite", ["data-dir"] = _dataDirectory, ["operator-key"] = Key,
            ["limits:max-request-body-bytes"] = "100000",
        }, demo: false);
        _client = _factory.CreateClient();
        _tenantClient = PlatformTestHost.AuthenticatedClient(_factory);
        await PlatformTestHost.WaitUntilHealthyAsync(_client, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _tenantClient.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_operator_api_refuses_requests_without_the_operator_key()
    {
        var missing = await HttpJson.ExpectProblemAsync(await _client.GetAsync("/api/admin/tenants"), HttpStatusCode.Unauthorized);
        Assert.Contains("X-Operator-Key", missing.Str("detail"));

        using var wrong = Request(HttpMethod.Get, "/api/admin/tenants", key: "not-the-key");
        await HttpJson.ExpectProblemAsync(await _client.SendAsync(wrong), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_host_without_an_operator_key_has_the_operator_api_switched_off()
    {
        var directory = Directory.CreateTempSubdirectory("platform-operator-off-").FullName;
        await using var factory = ApiHost.Start(new Dictionary<string, string> { ["provider"] = "sqlite", ["data-dir"] = directory }, demo: false);
        using var client = factory.CreateClient();
        using var request = Request(HttpMethod.Get, "/api/admin/tenants");

        var problem = await HttpJson.ExpectProblemAsync(await client.SendAsync(request), HttpStatusCode.Forbidden);

        Assert.Contains("PLATFORM_OPERATOR_KEY", problem.Str("detail"));
    }

    [Fact]
    public async Task Created_tenants_serve_their_modules_and_suspend_resume_and_delete_take_effect_at_once()
    {
        var created = await HttpJson.ExpectAsync(await SendAsync(HttpMethod.Post, "/api/admin/tenants", new { id = "wayne", modules = new[] { "crm-core", "sales" } }), HttpStatusCode.Created);
        Assert.Equal("active", created.GetProperty("tenant").Str("status"));
        Assert.False(created.GetProperty("tenant").TryGetProperty("connection", out _));
        // The test host configures the administrator password, so none is generated (and none is answered).
        Assert.Equal("admin", created.GetProperty("administrator").Str("userName"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.GetProperty("administrator").GetProperty("password").ValueKind);

        var list = await HttpJson.ExpectAsync(await SendAsync(HttpMethod.Get, "/api/admin/tenants"), HttpStatusCode.OK);
        Assert.Contains(list.Values(), t => t.Str("id") == "wayne");
        Assert.Equal(HttpStatusCode.OK, (await _tenantClient.GetAsync("/api/wayne/metadata/entities/opportunity")).StatusCode);

        var suspended = await HttpJson.ExpectAsync(await SendAsync(HttpMethod.Post, "/api/admin/tenants/wayne/suspend"), HttpStatusCode.OK);
        Assert.Equal("suspended", suspended.Str("status"));
        await HttpJson.ExpectProblemAsync(await _tenantClient.GetAsync("/api/wayne/metadata/entities/opportunity"), HttpStatusCode.Forbidden);

        await HttpJson.ExpectAsync(await SendAsync(HttpMethod.Post, "/api/admin/tenants/wayne/resume"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await _tenantClient.GetAsync("/api/wayne/metadata/entities/opportunity")).StatusCode);

        await HttpJson.ExpectProblemAsync(await SendAsync(HttpMethod.Delete, "/api/admin/tenants/wayne"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "/api/admin/tenants/wayne?confirm=wayne")).StatusCode);
        // The deleted tenant's tokens are worthless now.
        await HttpJson.ExpectProblemAsync(await _tenantClient.GetAsync("/api/wayne/metadata/entities/opportunity"), HttpStatusCode.Unauthorized);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "tenants", "wayne.db")));
        await HttpJson.ExpectProblemAsync(await SendAsync(HttpMethod.Get, "/api/admin/tenants/wayne"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tenant_created_through_the_operator_api_has_its_security_documents_in_its_audit_trail()
    {
        await HttpJson.ExpectAsync(await SendAsync(HttpMethod.Post, "/api/admin/tenants", new { id = "gotham", modules = new[] { "crm-core" } }), HttpStatusCode.Created);

        var trail = await HttpJson.ExpectAsync(await _tenantClient.GetAsync("/api/gotham/admin/audit?action=security-definition-changed"), HttpStatusCode.OK);

        var changes = trail.Values().Select(e => e.GetProperty("details")).Select(d => $"{d.Str("kind")} {d.Str("name")} {d.Str("change")}").ToList();
        Assert.Contains("role salesperson added", changes);
        Assert.Contains("team sales added", changes);
    }

    [Fact]
    public async Task Create_refuses_reserved_ids_unknown_modules_and_taken_ids_with_problems()
    {
        var reserved = await HttpJson.ExpectProblemAsync(await SendAsync(HttpMethod.Post, "/api/admin/tenants", new { id = "admin" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("/id", HttpJson.Pointers(reserved));

        var unknown = await HttpJson.ExpectProblemAsync(
            await SendAsync(HttpMethod.Post, "/api/admin/tenants", new { id = "stark", modules = new[] { "crm-core", "../etc" } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/modules/1"], HttpJson.Pointers(unknown));

        await HttpJson.ExpectAsync(await SendAsync(HttpMethod.Post, "/api/admin/tenants", new { id = "stark" }), HttpStatusCode.Created);
        await HttpJson.ExpectProblemAsync(await SendAsync(HttpMethod.Post, "/api/admin/tenants", new { id = "stark" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Changes_to_an_unknown_tenant_are_not_found_problems_and_a_sqlite_host_refuses_a_connection_string()
    {
        foreach (var (method, path) in new[] { (HttpMethod.Get, "nobody"), (HttpMethod.Post, "nobody/suspend"), (HttpMethod.Post, "nobody/resume"), (HttpMethod.Delete, "nobody?confirm=nobody") })
        {
            var missing = await HttpJson.ExpectProblemAsync(await SendAsync(method, $"/api/admin/tenants/{path}"), HttpStatusCode.NotFound);
            Assert.Equal("There is no tenant 'nobody'.", missing.Str("detail"));
        }

        var placed = await HttpJson.ExpectProblemAsync(
            await SendAsync(HttpMethod.Post, "/api/admin/tenants", new { id = "elsewhere", connection = "Host=db.example" }), HttpStatusCode.BadRequest);
        Assert.Contains("SQLite tenants live in the data directory", placed.Str("detail"));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413_before_it_is_read()
    {
        await HttpJson.ExpectAsync(await SendAsync(HttpMethod.Post, "/api/admin/tenants", new { id = "big", modules = new[] { "crm-core" } }), HttpStatusCode.Created);
        var huge = new { name = new string('x', 200_000) };

        var problem = await HttpJson.ExpectProblemAsync(await _tenantClient.PostAsync("/api/big/data/account", HttpJson.Body(huge)), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("at most 100,000", problem.Str("detail"));
    }

    [Fact]
    public async Task Requests_over_a_users_rate_are_refused_with_429_and_retry_after()
    {
        var directory = Directory.CreateTempSubdirectory("platform-rate-").FullName;
        await using var factory = ApiHost.Start(new Dictionary<string, string>
        {
            ["provider"] = "sqlite", ["data-dir"] = directory, ["operator-key"] = Key,
            ["limits:user-requests-per-second"] = "2", ["limits:tenant-requests-per-second"] = "1000",
        }, demo: false);
        using var client = PlatformTestHost.AuthenticatedClient(factory);
        await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));
        using (var create = Request(HttpMethod.Post, "/api/admin/tenants", new { id = "busy", modules = new[] { "crm-core" } }))
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(create)).StatusCode);

        await client.GetAsync("/api/busy/metadata/entities"); // signs in (the token request is the anonymous client's)
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the user's bucket is full again
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++) statuses.Add(await client.GetAsync("/api/busy/metadata/entities"));

        // A burst of twice the rate passes; the rest of ten back-to-back requests mostly does not (tokens refill at 2/s).
        Assert.All(statuses.Take(4), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var refused = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.True(refused[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var problem = await HttpJson.ExpectProblemAsync(refused[0], HttpStatusCode.TooManyRequests);
        Assert.Contains("rate limit", problem.Str("detail"));
    }

    [Fact]
    public async Task A_generated_administrator_password_is_answered_once_and_never_logged()
    {
        var directory = Directory.CreateTempSubdirectory("platform-operator-").FullName;
        var logs = new CapturedLogs();
        await using var factory = ApiHost.Start(new Dictionary<string, string>
        {
            ["provider"] = "sqlite", ["data-dir"] = directory, ["operator-key"] = Key, [TestAdmin.PasswordSetting] = "",
        }, demo: false).WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        using var client = factory.CreateClient();
        await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));

        using var create = Request(HttpMethod.Post, "/api/admin/tenants", new { id = "handover", modules = new[] { "crm-core" } });
        using var response = await client.SendAsync(create);
        var created = await HttpJson.ExpectAsync(response, HttpStatusCode.Created);

        var password = created.GetProperty("administrator").Str("password");
        Assert.True(password.Length >= 16);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("handover", StringComparison.Ordinal) && m.Contains("answered to the caller only", StringComparison.Ordinal));
        await TenantUsers.TokenAsync(client, "handover", "admin", password);
        var shown = await HttpJson.ExpectAsync(await client.SendAsync(Request(HttpMethod.Get, "/api/admin/tenants/handover")), HttpStatusCode.OK);
        Assert.DoesNotContain(password, shown.GetRawText());
    }

    [Fact]
    public async Task Unauthenticated_requests_naming_a_tenant_do_not_spend_its_request_budget()
    {
        var directory = Directory.CreateTempSubdirectory("platform-rate-").FullName;
        await using var factory = ApiHost.Start(new Dictionary<string, string>
        {
            ["provider"] = "sqlite", ["data-dir"] = directory, ["operator-key"] = Key,
            ["limits:user-requests-per-second"] = "1000", ["limits:tenant-requests-per-second"] = "2",
        }, demo: false);
        using var client = PlatformTestHost.AuthenticatedClient(factory);
        using var stranger = factory.CreateClient();
        await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));
        using (var create = Request(HttpMethod.Post, "/api/admin/tenants", new { id = "victim", modules = new[] { "crm-core" } }))
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(create)).StatusCode);
        await client.GetAsync("/api/victim/metadata/entities"); // signs in
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the tenant's bucket is full again

        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/victim/data/account")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/victim/metadata/entities")).StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_requests_share_their_client_address_bucket_whichever_tenant_they_name()
    {
        var directory = Directory.CreateTempSubdirectory("platform-rate-").FullName;
        await using var factory = ApiHost.Start(new Dictionary<string, string>
        {
            ["provider"] = "sqlite", ["data-dir"] = directory,
            ["limits:user-requests-per-second"] = "2", ["limits:tenant-requests-per-second"] = "1000",
        }, demo: false);
        using var stranger = factory.CreateClient();
        await PlatformTestHost.WaitUntilHealthyAsync(stranger, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) statuses.Add((await stranger.GetAsync($"/api/tenant{i}/data/account")).StatusCode);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var request = Request(method, path, body);
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task Malformed_operator_requests_never_answer_5xx_and_every_4xx_is_a_problem_document()
    {
        // The operator API is outside the tenants' OpenAPI documents, so the sweep's bodies and ids are sent to it here.
        var ids = Sweep.MalformedRequests.BadIds.Concat(["demo", "admin", "x", "UPPER", new string('t', 80)]).ToList();
        var requests = new List<(HttpMethod Method, string Path, string? Body)>();
        requests.AddRange(Sweep.MalformedRequests.RawBodies.Select(body => (HttpMethod.Post, "/api/admin/tenants", (string?)body)));
        requests.AddRange(ids.SelectMany(id => new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, $"/api/admin/tenants/{id}", null), (HttpMethod.Delete, $"/api/admin/tenants/{id}?confirm={id}x", null),
            (HttpMethod.Post, $"/api/admin/tenants/{id}/suspend", "{}"), (HttpMethod.Post, $"/api/admin/tenants/{id}/resume", null),
        }));
        requests.AddRange(new[] { "{\"id\": \"ok\", \"modules\": 5}", "{\"id\": \"ok\", \"modules\": [null, 1]}", "{\"id\": \"ok\", \"modules\": [\"no-such-module\"]}",
            "{\"id\": \"ok\", \"modules\": [\"../../etc\"]}", "{\"id\": \"\\ud800\", \"modules\": [\"crm-core\"]}", "{\"id\": [], \"modules\": []}" }
            .Select(body => (HttpMethod.Post, "/api/admin/tenants", (string?)body)));

        var failures = new List<string>();
        foreach (var (method, path, body) in requests)
        {
            using var request = Request(method, path);
            if (body is not null) request.Content = HttpJson.Body(body);
            using var response = await _client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"{status} for {method} {path} {body?[..Math.Min(body.Length, 200)]}: {await response.Content.ReadAsStringAsync()}");
            else if (status >= 400 && await Sweep.SweepAnswers.ProblemDocumentMistakeAsync(response, CancellationToken.None) is { } mistake)
                failures.Add($"{status} {mistake} for {method} {path}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string key = Key)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Operator-Key", key);
        if (body is not null) request.Content = HttpJson.Body(body);
        return request;
    }
}
