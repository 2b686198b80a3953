using System.Net;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>PATCH .../bulk: partial updates of existing records, all or nothing, each through the whole write path.</summary>
public abstract partial class ApiTests
{
    private Task<HttpResponseMessage> BulkPatchAsync(string tenant, string entity, object body) =>
        Client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, Data(tenant, entity) + "/bulk") { Content = Body(body) });

    [Fact]
    public async Task Bulk_update_changes_only_the_fields_sent_and_audits_and_events_each_record()
    {
        var tenant = await Host.CreateTenantAsync();
        var ids = new List<Guid>();
        foreach (var (name, city) in new[] { ("One", "Berlin"), ("Two", "Paris"), ("Three", "Rome") })
            ids.Add((await CreateAsync(tenant, "account", new { name, city, tier = "regular" })).Id());
        var untouched = (await CreateAsync(tenant, "account", new { name = "Untouched", tier = "regular" })).Id();

        var result = await ExpectAsync(await BulkPatchAsync(tenant, "account", new
        {
            records = ids.Select(id => new { id, tier = "vip" }),
        }), HttpStatusCode.OK);

        Assert.Equal(3, result.GetProperty("updated").GetInt32());
        Assert.Equal(ids, result.GetProperty("ids").EnumerateArray().Select(i => Guid.Parse(i.GetString()!)));
        var cities = new List<string>();
        foreach (var id in ids)
        {
            var stored = await GetAsync(tenant, "account", id);
            Assert.Equal(("vip", 2L), (stored.Str("tier"), stored.GetProperty("row_version").GetInt64()));
            cities.Add(stored.Str("city"));
            var audit = await AuditEntriesAsync(AdminAudit(tenant, ("entity", "account"), ("record", id.ToString())));
            var update = audit.Single(e => e.Str("action") == "update").GetProperty("changes");
            Assert.Equal(["tier"], update.EnumerateObject().Select(p => p.Name));
            Assert.Equal(("regular", "vip"), (update.GetProperty("tier").Str("old"), update.GetProperty("tier").Str("new")));
        }
        Assert.Equal(["Berlin", "Paris", "Rome"], cities);
        Assert.Equal("regular", (await GetAsync(tenant, "account", untouched)).Str("tier"));
        var outbox = await OutboxRowsAsync(tenant);
        Assert.All(ids, id => Assert.Equal(2, outbox.Count(r => (Guid)r["record_id"]! == id))); // created, then updated
    }

    [Fact]
    public async Task A_bulk_update_with_one_invalid_value_writes_nothing_and_points_at_the_record_and_field()
    {
        var tenant = await Host.CreateTenantAsync();
        var first = await CreateAccountAsync(tenant, "First");
        var second = await CreateAccountAsync(tenant, "Second");

        var problem = await ExpectProblemAsync(await BulkPatchAsync(tenant, "account", new
        {
            records = new object[] { new { id = first, city = "Oslo" }, new { id = second, website = "not a url" } },
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["/records/1/website"], Pointers(problem));
        Assert.Equal(JsonNull, (await GetAsync(tenant, "account", first)).GetProperty("city").ValueKind);
    }

    [Fact]
    public async Task A_before_save_script_refusing_one_record_fails_the_batch_with_that_records_pointer()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant);
        var dated = (await CreateAsync(tenant, "opportunity", new { name = "Dated", account, amount = 1000, close_date = "2027-01-31" })).Id();
        var undated = (await CreateAsync(tenant, "opportunity", new { name = "Undated", account, amount = 2000 })).Id();

        // The sales module's rule: an opportunity at proposal or later needs a close date.
        var problem = await ExpectProblemAsync(await BulkPatchAsync(tenant, "opportunity", new
        {
            records = new object[] { new { id = dated, stage = "proposal" }, new { id = undated, stage = "proposal" } },
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["/records/1/close_date"], Pointers(problem));
        Assert.NotEqual("proposal", (await GetAsync(tenant, "opportunity", dated)).Str("stage"));
        Assert.NotEqual("proposal", (await GetAsync(tenant, "opportunity", undated)).Str("stage"));
    }

    [Fact]
    public async Task A_bulk_update_never_creates_and_refuses_unknown_missing_and_repeated_ids_at_their_pointers()
    {
        var tenant = await Host.CreateTenantAsync();
        var existing = await CreateAccountAsync(tenant, "Existing");

        var unknown = await ExpectProblemAsync(await BulkPatchAsync(tenant, "account", new
        {
            records = new object[] { new { id = existing, city = "Lima" }, new { id = Guid.NewGuid(), city = "Lima" } },
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/records/1"], Pointers(unknown));

        var malformed = await ExpectProblemAsync(await BulkPatchAsync(tenant, "account", new
        {
            records = new object[] { new { city = "Lima" }, new { id = "nope", city = "Lima" }, new { id = existing }, new { id = existing } },
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/records/0/id", "/records/1/id", "/records/3/id"], Pointers(malformed).Order(StringComparer.Ordinal));

        var notABatch = await ExpectProblemAsync(await BulkPatchAsync(tenant, "account", new { records = new[] { existing }, mode = "upsert" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/mode", "/records/0"], Pointers(notABatch).Order(StringComparer.Ordinal));

        Assert.Equal(1, await CountAsync(tenant, "account"));
        Assert.Equal(JsonNull, (await GetAsync(tenant, "account", existing)).GetProperty("city").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
