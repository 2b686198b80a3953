using System.Net;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>POST .../bulk: up to 1,000 records, all or nothing; create or upsert by id or a unique field.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task Bulk_creates_1000_records_in_one_call_with_consecutive_autonumbers()
    {
        var tenant = await Host.CreateTenantAsync();
        await CreateAsync(tenant, "lead", new { full_name = "Before" });

        var result = await BulkAsync(tenant, "lead", new
        {
            records = Enumerable.Range(1, 1000).Select(i => new { full_name = $"Lead {i}", estimated_value = i * 10.5m }),
        });

        Assert.Equal(1000, result.GetProperty("created").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        var ids = result.GetProperty("ids").EnumerateArray().Select(i => Guid.Parse(i.GetString()!)).ToList();
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.Equal(1001, await CountAsync(tenant, "lead"));

        // Numbers continue after the single create; the batch's rows are numbered in order.
        var first = await GetAsync(tenant, "lead", ids[0]);
        var last = await GetAsync(tenant, "lead", ids[^1]);
        Assert.Equal(("LEAD-00002", "Lead 1"), (first.Str("number"), first.Str("full_name")));
        Assert.Equal(("LEAD-01001", "Lead 1000"), (last.Str("number"), last.Str("full_name")));
    }

    [Fact]
    public async Task A_batch_with_one_bad_record_writes_nothing_and_points_at_the_record_and_field()
    {
        var tenant = await Host.CreateTenantAsync();
        await CreateAccountAsync(tenant, "Existing");
        var records = Enumerable.Range(0, 10).Select(i => (object)new { name = $"Account {i}" }).ToList();
        records[7] = new { name = "Seven", website = "not a url" };

        var problem = await ExpectProblemAsync(await Client.PostAsync(Data(tenant, "account") + "/bulk", Body(new { records })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/records/7/website"], Pointers(problem));
        Assert.Equal(1, await CountAsync(tenant, "account"));

        // Errors found by the database checks (a missing lookup target, a duplicate within the batch) point the same way.
        problem = await ExpectProblemAsync(await Client.PostAsync(Data(tenant, "contact") + "/bulk", Body(new
        {
            records = new object[]
            {
                new { full_name = "Ann", email = "ann@example.com" },
                new { full_name = "Bob", account = Guid.NewGuid() },
                new { full_name = "Ann again", email = "ann@example.com" },
            },
        })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/records/1/account", "/records/2/email"], Pointers(problem).Order(StringComparer.Ordinal));
        Assert.Equal(0, await CountAsync(tenant, "contact"));
    }

    [Fact]
    public async Task A_batch_of_1001_records_is_refused_and_writes_nothing()
    {
        var tenant = await Host.CreateTenantAsync();

        var problem = await ExpectProblemAsync(await Client.PostAsync(Data(tenant, "account") + "/bulk",
            Body(new { records = Enumerable.Range(0, 1001).Select(i => new { name = $"Account {i}" }) })), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["/records"], Pointers(problem));
        Assert.Contains("1000", problem.Str("detail"));
        Assert.Equal(0, await CountAsync(tenant, "account"));
    }

    [Fact]
    public async Task Upsert_by_id_updates_existing_records_and_creates_new_ones()
    {
        var tenant = await Host.CreateTenantAsync();
        var existing = (await CreateAsync(tenant, "account", new { name = "Old name", city = "Berlin" })).Id();
        var untouched = await CreateAccountAsync(tenant, "Untouched");
        var fresh = Guid.NewGuid();

        var result = await BulkAsync(tenant, "account", new
        {
            mode = "upsert",
            key = "id",
            records = new object[] { new { id = existing, name = "New name" }, new { id = fresh, name = "Fresh", tier = "vip" } },
        });

        Assert.Equal((1, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        var updated = await GetAsync(tenant, "account", existing);
        Assert.Equal(("New name", "Berlin", 2L), (updated.Str("name"), updated.Str("city"), updated.GetProperty("row_version").GetInt64()));
        var created = await GetAsync(tenant, "account", fresh);
        Assert.Equal(("Fresh", "vip"), (created.Str("name"), created.Str("tier")));
        Assert.Equal("Untouched", (await GetAsync(tenant, "account", untouched)).Str("name"));
        Assert.Equal(3, await CountAsync(tenant, "account"));
    }

    [Fact]
    public async Task Upsert_by_a_unique_field_updates_existing_records_and_creates_new_ones()
    {
        var tenant = await Host.CreateTenantAsync();
        var ann = (await CreateAsync(tenant, "contact", new { full_name = "Ann", email = "ann@example.com", job_title = "Engineer" })).Id();

        var result = await BulkAsync(tenant, "contact", new
        {
            mode = "upsert",
            key = "email",
            records = new object[]
            {
                new { email = "ann@example.com", job_title = "CTO" },
                new { email = "bob@example.com", full_name = "Bob" },
            },
        });

        Assert.Equal((1, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        var updated = await GetAsync(tenant, "contact", ann);
        Assert.Equal(("Ann", "CTO"), (updated.Str("full_name"), updated.Str("job_title")));
        var bob = await ListAsync(tenant, "contact", ("$filter", "email eq 'bob@example.com'"));
        Assert.Equal("Bob", Assert.Single(bob.Values()).Str("full_name"));
        Assert.Equal(2, await CountAsync(tenant, "contact"));

        // A field that is not unique cannot be the key.
        var problem = await ExpectProblemAsync(await Client.PostAsync(Data(tenant, "contact") + "/bulk",
            Body(new { mode = "upsert", key = "job_title", records = new[] { new { job_title = "CTO" } } })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/key"], Pointers(problem));
    }
}
