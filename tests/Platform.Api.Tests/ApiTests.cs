using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// The generated REST API end to end over HTTP. The same body runs on SQLite and PostgreSQL (see the derived
/// classes); each test that writes gets its own tenant.
/// </summary>
public abstract partial class ApiTests(ApiHost host)
{
    protected ApiHost Host { get; } = host;

    protected HttpClient Client => Host.Client;

    // ---- helpers ---------------------------------------------------------------------------------------------

    protected static string Data(string tenant, string entity) => $"/api/{tenant}/data/{entity}";

    protected static string Data(string tenant, string entity, Guid id) => $"/api/{tenant}/data/{entity}/{id}";

    /// <summary>A list URL; each option value is escaped.</summary>
    protected static string List(string tenant, string entity, params (string Name, string Value)[] options) =>
        Data(tenant, entity) + (options.Length == 0 ? "" : "?" + string.Join("&", options.Select(o => $"{o.Name}={Uri.EscapeDataString(o.Value)}")));

    protected Task<HttpResponseMessage> PostAsync(string tenant, string entity, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Data(tenant, entity)) { Content = Body(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Client.SendAsync(request);
    }

    protected async Task<JsonElement> CreateAsync(string tenant, string entity, object body) =>
        await ExpectAsync(await PostAsync(tenant, entity, body), HttpStatusCode.Created);

    protected async Task<JsonElement> GetAsync(string tenant, string entity, Guid id) =>
        await ExpectAsync(await Client.GetAsync(Data(tenant, entity, id)), HttpStatusCode.OK);

    protected Task<HttpResponseMessage> PatchAsync(string tenant, string entity, Guid id, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, Data(tenant, entity, id)) { Content = Body(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return Client.SendAsync(request);
    }

    protected async Task<JsonElement> ListAsync(string tenant, string entity, params (string Name, string Value)[] options) =>
        await ExpectAsync(await Client.GetAsync(List(tenant, entity, options)), HttpStatusCode.OK);

    /// <summary>The exact number of records of an entity, read through the API.</summary>
    protected async Task<long> CountAsync(string tenant, string entity) =>
        (await ListAsync(tenant, entity, ("$count", "exact"), ("$top", "0"))).GetProperty("@odata.count").GetInt64();

    protected async Task<JsonElement> BulkAsync(string tenant, string entity, object body, HttpStatusCode status = HttpStatusCode.OK) =>
        await ExpectAsync(await Client.PostAsync(Data(tenant, entity) + "/bulk", Body(body)), status);

    protected async Task<Guid> CreateAccountAsync(string tenant, string name = "Acme") =>
        (await CreateAsync(tenant, "account", new { name })).Id();

    // ---- create, read, update, delete --------------------------------------------------------------------------

    [Fact]
    public async Task Create_answers_201_with_location_and_etag_and_get_returns_the_row_version_as_etag()
    {
        var tenant = await Host.CreateTenantAsync();

        using var response = await PostAsync(tenant, "account", new { name = "Acme", city = "Berlin", employees = 12 });
        var created = await ExpectAsync(response, HttpStatusCode.Created);

        var id = created.Id();
        Assert.Equal($"/api/{tenant}/data/account/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(1, created.GetProperty("row_version").GetInt64());
        Assert.Equal("potential", created.Str("tier")); // the field's default

        using var get = await Client.GetAsync(response.Headers.Location);
        var read = await ExpectAsync(get, HttpStatusCode.OK);
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        Assert.Equal("Acme", read.Str("name"));
        Assert.Equal(12, read.GetProperty("employees").GetInt64());
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_bumps_the_etag()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = (await CreateAsync(tenant, "account", new { name = "Acme", city = "Berlin", employees = 12 })).Id();

        using var patch = await PatchAsync(tenant, "account", id, new { city = "Paris" });
        var patched = await ExpectAsync(patch, HttpStatusCode.OK);
        Assert.Equal("\"2\"", patch.Headers.ETag?.Tag);
        Assert.Equal("Paris", patched.Str("city"));

        using var get = await Client.GetAsync(Data(tenant, "account", id));
        var read = await ExpectAsync(get, HttpStatusCode.OK);
        Assert.Equal("\"2\"", get.Headers.ETag?.Tag);
        Assert.Equal("Paris", read.Str("city"));
        Assert.Equal("Acme", read.Str("name"));
        Assert.Equal(12, read.GetProperty("employees").GetInt64());
    }

    [Fact]
    public async Task Every_field_type_round_trips_through_the_api()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant);
        var contact = (await CreateAsync(tenant, "contact", new
        {
            full_name = "Zoë Ünal 张伟",
            account,
            birthday = "1990-02-28",
            last_contacted_at = "2026-03-01T10:15:30.125+02:00",
            do_not_email = true,
            phone = "+49 (30) 1234-5678",
        })).Id();
        var deal = (await CreateAsync(tenant, "opportunity", new
        {
            name = "Deal", account, amount = 1234.5m, probability = 40, close_date = "2026-12-31", tags = new[] { "key" },
            contact_email = "zoe@example.com", notes = new string('n', 5000),
        })).Id();

        var c = await GetAsync(tenant, "contact", contact);
        Assert.Equal("Zoë Ünal 张伟", c.Str("full_name"));
        Assert.Equal(account, Guid.Parse(c.Str("account")));
        Assert.Equal("1990-02-28", c.Str("birthday"));
        Assert.Equal("2026-03-01T08:15:30.125Z", c.Str("last_contacted_at"));
        Assert.True(c.GetProperty("do_not_email").GetBoolean());
        Assert.Equal("+49 (30) 1234-5678", c.Str("phone"));
        Assert.Equal(JsonValueKind.Null, c.GetProperty("email").ValueKind);

        var o = await GetAsync(tenant, "opportunity", deal);
        Assert.Equal(1234.5m, o.GetProperty("amount").GetDecimal());
        Assert.Equal(40, o.GetProperty("probability").GetInt64());
        Assert.Equal("2026-12-31", o.Str("close_date"));
        Assert.Equal(["key"], o.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("prospecting", o.Str("stage"));
        Assert.Equal("OPP-00001", o.Str("number"));
        Assert.Equal(5000, o.Str("notes").Length);
        Assert.True(DateTime.UtcNow - o.GetProperty("created_at").GetDateTime().ToUniversalTime() < TimeSpan.FromMinutes(5));

        // Clearing values: null for a scalar, [] for a multichoice.
        await ExpectAsync(await PatchAsync(tenant, "opportunity", deal, new { tags = Array.Empty<string>(), amount = (decimal?)null }), HttpStatusCode.OK);
        o = await GetAsync(tenant, "opportunity", deal);
        Assert.Empty(o.GetProperty("tags").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, o.GetProperty("amount").ValueKind);
    }

    [Fact]
    public async Task Delete_answers_204_and_a_later_get_is_a_404_problem()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await CreateAccountAsync(tenant);

        using var delete = await Client.DeleteAsync(Data(tenant, "account", id));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        var problem = await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "account", id)), HttpStatusCode.NotFound);
        Assert.Contains(id.ToString(), problem.Str("detail"));
        Assert.Equal(0, await CountAsync(tenant, "account"));
        await ExpectProblemAsync(await Client.DeleteAsync(Data(tenant, "account", id)), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await PatchAsync(tenant, "account", id, new { city = "Paris" }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "")]
    [InlineData("POST", "{\"name\": ")]
    [InlineData("PATCH", "not json")]
    [InlineData("BULK", "{\"records\": [")]
    public async Task A_body_that_is_not_json_is_a_400_problem(string operation, string body)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var id = await Host.SharedAsync("crm-account", () => CreateAccountAsync(tenant, "Shared"));
        var (method, url) = operation switch
        {
            "POST" => (HttpMethod.Post, Data(tenant, "account")),
            "PATCH" => (HttpMethod.Patch, Data(tenant, "account", id)),
            _ => (HttpMethod.Post, Data(tenant, "account") + "/bulk"),
        };

        var request = new HttpRequestMessage(method, url) { Content = Body(body) };
        await ExpectProblemAsync(await Client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal("Shared", (await GetAsync(tenant, "account", id)).Str("name"));
    }

    [Fact]
    public async Task Patch_with_a_stale_if_match_is_412_and_keeps_the_other_writers_value()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = (await CreateAsync(tenant, "account", new { name = "Acme", city = "Berlin" })).Id();

        // Two writers read version 1; the first one wins.
        await ExpectAsync(await PatchAsync(tenant, "account", id, new { city = "Paris" }, "\"1\""), HttpStatusCode.OK);
        var problem = await ExpectProblemAsync(await PatchAsync(tenant, "account", id, new { city = "Rome" }, "\"1\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());

        using var get = await Client.GetAsync(Data(tenant, "account", id));
        var read = await ExpectAsync(get, HttpStatusCode.OK);
        Assert.Equal("Paris", read.Str("city"));
        Assert.Equal("\"2\"", get.Headers.ETag?.Tag);

        // The current ETag is accepted.
        await ExpectAsync(await PatchAsync(tenant, "account", id, new { city = "Rome" }, "\"2\""), HttpStatusCode.OK);
        Assert.Equal("Rome", (await GetAsync(tenant, "account", id)).Str("city"));
    }

    [Fact]
    public async Task Delete_with_a_stale_if_match_is_412_and_keeps_the_record()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await CreateAccountAsync(tenant);
        await ExpectAsync(await PatchAsync(tenant, "account", id, new { city = "Paris" }), HttpStatusCode.OK);

        var request = new HttpRequestMessage(HttpMethod.Delete, Data(tenant, "account", id));
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await ExpectProblemAsync(await Client.SendAsync(request), HttpStatusCode.PreconditionFailed);

        Assert.Equal("Paris", (await GetAsync(tenant, "account", id)).Str("city"));
    }

    // ---- unknown tenants and entities --------------------------------------------------------------------------

    [Fact]
    public async Task An_unknown_tenant_answers_like_a_known_one_without_credentials_so_tenant_names_cannot_be_probed()
    {
        var known = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        foreach (var tenant in new[] { "no-such-tenant", "NOT_A..TENANT", known })
        {
            var problem = await ExpectProblemAsync(await Host.AnonymousClient.GetAsync($"/api/{tenant}/data/account"), HttpStatusCode.Unauthorized);
            Assert.DoesNotContain(tenant, problem.Str("detail"));
            await ExpectProblemAsync(await Host.AnonymousClient.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.Unauthorized);
            await ExpectProblemAsync(await Host.AnonymousClient.PostAsync($"/api/{tenant}/data/account", Body(new { name = "x" })), HttpStatusCode.Unauthorized);
        }
        // The token endpoint refuses an unknown tenant exactly as it refuses a wrong password of a known one.
        var unknown = await ExpectProblemAsync(
            await Host.AnonymousClient.PostAsync("/api/no-such-tenant/auth/token", Body(new { username = "admin", password = "wrong" })), HttpStatusCode.Unauthorized);
        var wrong = await ExpectProblemAsync(
            await Host.AnonymousClient.PostAsync($"/api/{known}/auth/token", Body(new { username = "admin", password = "wrong" })), HttpStatusCode.Unauthorized);
        Assert.Equal(wrong.Str("detail"), unknown.Str("detail"));
        Assert.Equal(wrong.Str("type"), unknown.Str("type"));
    }

    [Fact]
    public async Task An_unknown_entity_is_a_404_problem()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var problem = await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "invoice")), HttpStatusCode.NotFound);
        Assert.Contains("invoice", problem.Str("detail"));
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "invoice", Guid.NewGuid())), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await PostAsync(tenant, "invoice", new { name = "x" }), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.PostAsync(Data(tenant, "invoice") + "/bulk", Body(new { records = Array.Empty<object>() })), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities/invoice"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities/invoice/schema"), HttpStatusCode.NotFound);
        // An id that is not a UUID matches no record either.
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "account") + "/not-a-uuid"), HttpStatusCode.NotFound);
    }
}
