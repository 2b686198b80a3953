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

    [Fact]
    public async Task Bulk_created_values_read_back_exactly_whatever_their_kind_or_characters()
    {
        // Large batches travel another way on PostgreSQL (COPY in text format): every kind and every character that
        // format escapes must come back as sent.
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant, "Acme");
        const string tricky = "tab\there\nnew line\r\nback\\slash \\N not null ' \" ünïcödé 🚀 ";
        var records = Enumerable.Range(0, 60).Select(i => new
        {
            name = $"Deal {i}",
            account,
            amount = 1234.56m + i,
            probability = i % 2 == 0 ? (int?)i : null,
            close_date = i % 3 == 0 ? null : $"2026-{i % 12 + 1:00}-{i % 28 + 1:00}",
            tags = i % 2 == 0 ? new[] { "key" } : [],
            notes = i % 5 == 0 ? null : tricky + i,
        }).ToList();

        var result = await BulkAsync(tenant, "opportunity", new { records });

        var ids = result.GetProperty("ids").EnumerateArray().Select(i => Guid.Parse(i.GetString()!)).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            var stored = await GetAsync(tenant, "opportunity", ids[i]);
            var sent = records[i];
            Assert.Equal(sent.name, stored.Str("name"));
            Assert.Equal(account, Guid.Parse(stored.Str("account")));
            Assert.Equal(sent.amount, stored.GetProperty("amount").GetDecimal());
            Assert.Equal(sent.probability, stored.GetProperty("probability").ValueKind == System.Text.Json.JsonValueKind.Null ? null : stored.GetProperty("probability").GetInt32());
            Assert.Equal(sent.close_date, stored.GetProperty("close_date").ValueKind == System.Text.Json.JsonValueKind.Null ? null : stored.Str("close_date"));
            Assert.Equal(sent.tags, stored.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
            Assert.Equal(sent.notes, stored.GetProperty("notes").ValueKind == System.Text.Json.JsonValueKind.Null ? null : stored.Str("notes"));
        }

        var contacts = Enumerable.Range(0, 55).Select(i => new
        {
            full_name = $"Person {i}",
            birthday = $"{1950 + i}-0{i % 9 + 1}-1{i % 9}",
            do_not_email = i % 2 == 0,
            last_contacted_at = new DateTime(2026, 11, 23, 8, 30, 15, DateTimeKind.Utc).AddMicroseconds(i * 1_234_567), // PostgreSQL keeps microseconds
        }).ToList();
        var contactIds = (await BulkAsync(tenant, "contact", new { records = contacts })).GetProperty("ids").EnumerateArray()
            .Select(i => Guid.Parse(i.GetString()!)).ToList();
        for (var i = 0; i < contacts.Count; i++)
        {
            var stored = await GetAsync(tenant, "contact", contactIds[i]);
            Assert.Equal(contacts[i].birthday, stored.Str("birthday"));
            Assert.Equal(contacts[i].do_not_email, stored.GetProperty("do_not_email").GetBoolean());
            Assert.Equal(contacts[i].last_contacted_at, stored.GetProperty("last_contacted_at").GetDateTime().ToUniversalTime());
        }
    }

    [Fact]
    public async Task Two_batches_racing_for_the_same_unique_values_end_in_one_success_and_one_422_never_a_500()
    {
        var tenant = await Host.CreateTenantAsync();
        for (var round = 0; round < 6; round++)
        {
            var records = Enumerable.Range(0, 100).Select(i => new { full_name = $"Racer {round}-{i}", email = $"racer{round}-{i}@example.com" }).ToList();
            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                Client.PostAsync(Data(tenant, "contact") + "/bulk", Body(new { records }))));

            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity], statuses);
            var refused = await ExpectProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.UnprocessableEntity), HttpStatusCode.UnprocessableEntity);
            Assert.Contains("/records/0/email", Pointers(refused));
        }
        Assert.Equal(600, await CountAsync(tenant, "contact"));
    }
}
