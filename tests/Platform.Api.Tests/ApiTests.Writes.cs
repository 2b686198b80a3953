using System.Net;
using System.Text.Json;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Validation, idempotent creates, delete behaviours of lookups, autonumbers.</summary>
public abstract partial class ApiTests
{
    // ---- validation ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Every_broken_rule_of_a_body_is_listed_with_its_pointer_in_one_422()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant);
        await CreateAsync(tenant, "opportunity", new { name = "First", account, contact_email = "deal@example.com" });

        var problem = await ExpectProblemAsync(await PostAsync(tenant, "opportunity", new
        {
            name = "",                              // required
            account = Guid.NewGuid(),               // lookup to a missing record
            stage = "closed",                       // not an option
            amount = 12.345m,                       // scale 2
            probability = 101,                      // max 100
            close_date = "31/12/2026",              // not a date
            tags = new[] { "key", "hot" },          // multichoice option
            contact_email = "deal@example.com",     // unique
            notes = 42,                             // not a string
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(
            ["/account", "/amount", "/close_date", "/contact_email", "/name", "/notes", "/probability", "/stage", "/tags"],
            Pointers(problem).Order(StringComparer.Ordinal));
        Assert.Contains("no account", Detail(problem, "/account"));
        Assert.Contains("already used", Detail(problem, "/contact_email"));
        Assert.Contains("'hot'", Detail(problem, "/tags"));

        problem = await ExpectProblemAsync(await PostAsync(tenant, "account", new
        {
            name = new string('x', 201),            // maxLength 200
            tier = "gold",                          // choice
            website = "ftp://example.com",          // http(s) URL
            phone = "call me",                      // phone
            email = "not-an-email",                 // email
            employees = "many",                     // integer
            annual_revenue = -1,                    // min 0
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(
            ["/annual_revenue", "/email", "/employees", "/name", "/phone", "/tier", "/website"],
            Pointers(problem).Order(StringComparer.Ordinal));
        Assert.Contains("200", Detail(problem, "/name"));

        problem = await ExpectProblemAsync(await PostAsync(tenant, "activity", new { kind = (string?)null, duration_minutes = 2000 }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/duration_minutes", "/kind", "/occurred_at", "/subject"], Pointers(problem).Order(StringComparer.Ordinal));

        Assert.Equal(1, await CountAsync(tenant, "opportunity"));
        Assert.Equal(1, await CountAsync(tenant, "account"));
        Assert.Equal(0, await CountAsync(tenant, "activity"));
    }

    [Fact]
    public async Task Unknown_fields_system_fields_and_autonumbers_are_refused()
    {
        var tenant = await Host.CreateTenantAsync();

        var problem = await ExpectProblemAsync(await PostAsync(tenant, "account", new Dictionary<string, object?>
        {
            ["name"] = "Acme",
            ["colour"] = "blue",
            ["id"] = Guid.NewGuid(),
            ["owner"] = Guid.NewGuid(),
            ["row_version"] = 7,
            ["created_at"] = "2026-01-01T00:00:00Z",
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/colour", "/created_at", "/id", "/owner", "/row_version"], Pointers(problem).Order(StringComparer.Ordinal));
        Assert.Contains("system field", Detail(problem, "/owner"));
        Assert.Contains("no field", Detail(problem, "/colour"));

        problem = await ExpectProblemAsync(await PostAsync(tenant, "lead", new { full_name = "Ann", number = "LEAD-99999" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/number"], Pointers(problem));
        Assert.Equal(0, await CountAsync(tenant, "account"));
        Assert.Equal(0, await CountAsync(tenant, "lead"));

        var id = await CreateAccountAsync(tenant);
        problem = await ExpectProblemAsync(await PatchAsync(tenant, "account", id, new { row_version = 9, modified_by = Guid.NewGuid() }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/modified_by", "/row_version"], Pointers(problem).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await GetAsync(tenant, "account", id)).GetProperty("row_version").GetInt64());
    }

    [Fact]
    public async Task A_unique_value_cannot_be_taken_twice_on_create_or_update()
    {
        var tenant = await Host.CreateTenantAsync();
        await CreateAsync(tenant, "contact", new { full_name = "Ann", email = "ann@example.com" });
        var bob = (await CreateAsync(tenant, "contact", new { full_name = "Bob", email = "bob@example.com" })).Id();

        var problem = await ExpectProblemAsync(await PostAsync(tenant, "contact", new { full_name = "Ann 2", email = "ann@example.com" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/email"], Pointers(problem));

        problem = await ExpectProblemAsync(await PatchAsync(tenant, "contact", bob, new { email = "ann@example.com" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/email"], Pointers(problem));
        Assert.Equal("bob@example.com", (await GetAsync(tenant, "contact", bob)).Str("email"));

        // A record keeps its own value.
        await ExpectAsync(await PatchAsync(tenant, "contact", bob, new { email = "bob@example.com", job_title = "CTO" }), HttpStatusCode.OK);
        Assert.Equal(2, await CountAsync(tenant, "contact"));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_unique_value_make_one_record_and_422s()
    {
        var tenant = await Host.CreateTenantAsync();
        await WarmUpConnectionsAsync(tenant, 12);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => PostAsync(tenant, "contact", new { full_name = $"Ann {i}", email = "ann@example.com" })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal(["/email"], Pointers(await ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity)));

        Assert.Single(statuses, HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync(tenant, "contact"));
    }

    [Fact]
    public async Task Concurrent_patches_of_one_unique_value_make_one_winner_and_422s()
    {
        var tenant = await Host.CreateTenantAsync();
        var contacts = new List<Guid>();
        for (var i = 0; i < 8; i++) contacts.Add((await CreateAsync(tenant, "contact", new { full_name = $"C{i}", email = $"c{i}@example.com" })).Id());
        await WarmUpConnectionsAsync(tenant, 8);

        var responses = await Task.WhenAll(contacts.Select(id => PatchAsync(tenant, "contact", id, new { email = "same@example.com" })));
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal(["/email"], Pointers(await ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single((await ListAsync(tenant, "contact", ("$filter", "email eq 'same@example.com'"))).Values());
    }

    [Fact]
    public async Task Concurrent_patches_without_if_match_all_apply()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await CreateAccountAsync(tenant);
        await WarmUpConnectionsAsync(tenant, 10);

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => PatchAsync(tenant, "account", id, new { employees = i })));
        foreach (var response in responses) await ExpectAsync(response, HttpStatusCode.OK);

        // No If-Match means no precondition: every write lands, one after the other.
        Assert.Equal(9, (await GetAsync(tenant, "account", id)).GetProperty("row_version").GetInt64());
    }

    [Fact]
    public async Task A_delete_without_if_match_succeeds_while_others_patch_the_record()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await CreateAccountAsync(tenant);
        await WarmUpConnectionsAsync(tenant, 8);

        var patches = Enumerable.Range(1, 7).Select(i => PatchAsync(tenant, "account", id, new { employees = i })).ToList();
        var delete = Client.DeleteAsync(Data(tenant, "account", id));
        await Task.WhenAll([.. patches, delete]);

        Assert.Equal(HttpStatusCode.NoContent, (await delete).StatusCode);
        // A patch either landed before the delete or found the record gone.
        foreach (var patch in patches)
            Assert.Contains((await patch).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "account", id)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_patch_is_validated_like_a_create_and_changes_nothing_when_invalid()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant);
        var opportunity = (await CreateAsync(tenant, "opportunity", new { name = "Deal", account, probability = 50 })).Id();

        var problem = await ExpectProblemAsync(
            await PatchAsync(tenant, "opportunity", opportunity, new { name = (string?)null, probability = -1, account = Guid.NewGuid() }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/account", "/name", "/probability"], Pointers(problem).Order(StringComparer.Ordinal));

        var read = await GetAsync(tenant, "opportunity", opportunity);
        Assert.Equal("Deal", read.Str("name"));
        Assert.Equal(50, read.GetProperty("probability").GetInt64());
        Assert.Equal(account, Guid.Parse(read.Str("account")));
    }

    /// <summary>Opens connections in parallel first, so concurrent writes meet in the database rather than in the pool.</summary>
    private async Task WarmUpConnectionsAsync(string tenant, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ListAsync(tenant, "account", ("$top", "1"))));

    private static string Detail(JsonElement problem, string pointer) =>
        problem.GetProperty("errors").EnumerateArray().Single(e => e.Str("pointer") == pointer).Str("detail");

    // ---- Idempotency-Key ---------------------------------------------------------------------------------------

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_response_and_creates_nothing()
    {
        var tenant = await Host.CreateTenantAsync();
        var body = new { name = "Acme", city = "Berlin" };

        using var first = await PostAsync(tenant, "account", body, "create-acme-1");
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var repeat = await PostAsync(tenant, "account", body, "create-acme-1");
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        // The replay shows the record as stored now (PostgreSQL keeps microseconds of the first answer's times).
        using var stored = await Client.GetAsync(first.Headers.Location);
        Assert.Equal(await stored.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(JsonDocument.Parse(firstBody).RootElement.Id(), JsonDocument.Parse(await repeat.Content.ReadAsStringAsync()).RootElement.Id());
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(first.Headers.ETag, repeat.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, repeat.Content.Headers.ContentType);
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(1, await CountAsync(tenant, "account"));

        // Another key is another create.
        await ExpectAsync(await PostAsync(tenant, "account", body, "create-acme-2"), HttpStatusCode.Created);
        Assert.Equal(2, await CountAsync(tenant, "account"));
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_another_body_is_a_409_problem()
    {
        var tenant = await Host.CreateTenantAsync();
        await ExpectAsync(await PostAsync(tenant, "account", new { name = "Acme" }, "key-1"), HttpStatusCode.Created);

        var problem = await ExpectProblemAsync(await PostAsync(tenant, "account", new { name = "Other" }, "key-1"), HttpStatusCode.Conflict);
        Assert.Contains("key-1", problem.Str("detail"));
        Assert.Equal(1, await CountAsync(tenant, "account"));
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_idempotency_key_create_one_record()
    {
        var tenant = await Host.CreateTenantAsync();
        var body = new { full_name = "Ann", email = "ann@example.com" };

        await WarmUpConnectionsAsync(tenant, 8);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(tenant, "contact", body, "retry-ann")));
        var bodies = new List<JsonElement>();
        foreach (var response in responses)
            using (response) bodies.Add(await ExpectAsync(response, HttpStatusCode.Created));

        Assert.Single(bodies.Select(b => b.Id()).Distinct());
        Assert.Equal(1, await CountAsync(tenant, "contact"));
    }

    // ---- lookups on delete: restrict, cascade, setNull ---------------------------------------------------------

    [Fact]
    public async Task Deleting_an_account_an_opportunity_refers_to_is_a_409_naming_opportunity()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant);
        var opportunity = (await CreateAsync(tenant, "opportunity", new { name = "Deal", account })).Id();

        var problem = await ExpectProblemAsync(await Client.DeleteAsync(Data(tenant, "account", account)), HttpStatusCode.Conflict);
        Assert.Contains("opportunity", problem.Str("detail"));
        Assert.Equal("opportunity", problem.Str("referencingEntity"));
        await GetAsync(tenant, "account", account);

        // Once the opportunity is gone the account can go.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "opportunity", opportunity))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "account", account))).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_activities_through_the_cascade_lookup()
    {
        var tenant = await Host.CreateTenantAsync();
        var doomed = await CreateAccountAsync(tenant, "Doomed");
        var other = await CreateAccountAsync(tenant, "Other");
        var child = (await CreateAsync(tenant, "activity", new { subject = "Call", account = doomed, occurred_at = "2026-03-01T10:00:00Z" })).Id();
        var unrelated = (await CreateAsync(tenant, "activity", new { subject = "Visit", account = other, occurred_at = "2026-03-02T10:00:00Z" })).Id();

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "account", doomed))).StatusCode);

        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "activity", child)), HttpStatusCode.NotFound);
        await GetAsync(tenant, "activity", unrelated);
        Assert.Equal(1, await CountAsync(tenant, "activity"));
    }

    [Fact]
    public async Task Deleting_an_account_clears_the_account_of_its_contacts_through_the_set_null_lookup()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant);
        var contact = (await CreateAsync(tenant, "contact", new { full_name = "Ann", account })).Id();
        Assert.Equal(account, Guid.Parse((await GetAsync(tenant, "contact", contact)).Str("account")));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "account", account))).StatusCode);

        var read = await GetAsync(tenant, "contact", contact);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("account").ValueKind);
        Assert.Equal("Ann", read.Str("full_name"));
    }

    // ---- autonumbers -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Concurrent_creates_get_distinct_consecutive_autonumbers()
    {
        var tenant = await Host.CreateTenantAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => PostAsync(tenant, "lead", new { full_name = $"Lead {i}" })));
        var numbers = new List<string>();
        foreach (var response in responses)
            using (response) numbers.Add((await ExpectAsync(response, HttpStatusCode.Created)).Str("number"));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"LEAD-{i:00000}"), numbers.Order(StringComparer.Ordinal));
        Assert.Equal(40, await CountAsync(tenant, "lead"));
    }
}
