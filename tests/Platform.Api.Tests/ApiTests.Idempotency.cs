using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Idempotency-Key: per user, no stored values, 24 hours, forgotten by an erasure, on bulk batches too.</summary>
public abstract partial class ApiTests
{
    private static HttpRequestMessage Keyed(HttpMethod method, string url, object body, string key)
    {
        var request = new HttpRequestMessage(method, url) { Content = Body(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task One_users_idempotency_key_never_replays_another_users_response()
    {
        var tenant = await Host.CreateTenantAsync();
        var (sally, _) = await Host.CreateUserClientAsync(tenant, "sally", roles: ["salesperson"], teams: ["sales"], businessUnit: "root");
        var body = new { name = "Acme" };

        var adminsRecord = await ExpectAsync(await PostAsync(tenant, "account", body, "shared-key"), HttpStatusCode.Created);
        using var sallys = await sally.SendAsync(Keyed(HttpMethod.Post, Data(tenant, "account"), body, "shared-key"));

        var sallysRecord = await ExpectAsync(sallys, HttpStatusCode.Created);
        Assert.False(sallys.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(adminsRecord.Id(), sallysRecord.Id());
        Assert.Equal(2, await CountAsync(tenant, "account"));
    }

    [Fact]
    public async Task An_idempotent_replay_shows_the_record_as_it_is_now_and_no_value_is_stored_with_the_key()
    {
        var tenant = await Host.CreateTenantAsync();
        var body = new { full_name = "Ann Lee", email = "ann.lee@example.com" };
        var created = await ExpectAsync(await PostAsync(tenant, "contact", body, "create-ann"), HttpStatusCode.Created);

        var stored = string.Join("\n", await IdempotencyRows.ReadAllAsync(Host, tenant));
        Assert.Contains(created.Id().ToString(), stored);
        Assert.DoesNotContain("Ann", stored);
        Assert.DoesNotContain("ann.lee", stored);
        Assert.DoesNotContain("create-ann", stored);

        await ExpectAsync(await PatchAsync(tenant, "contact", created.Id(), new { full_name = "Ann Smith" }), HttpStatusCode.OK);
        using var replay = await PostAsync(tenant, "contact", body, "create-ann");
        var replayed = await ExpectAsync(replay, HttpStatusCode.Created);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(created.Id(), replayed.Id());
        Assert.Equal("Ann Smith", replayed.Str("full_name"));
        Assert.Equal("\"2\"", replay.Headers.ETag?.Tag);
        Assert.Equal(1, await CountAsync(tenant, "contact"));
    }

    [Fact]
    public async Task An_idempotency_key_older_than_24_hours_is_purged_and_creates_again()
    {
        var tenant = await Host.CreateTenantAsync();
        var first = await ExpectAsync(await PostAsync(tenant, "account", new { name = "Acme" }, "old-key"), HttpStatusCode.Created);
        await IdempotencyRows.AgeAsync(Host, tenant, TimeSpan.FromHours(25));

        using var again = await PostAsync(tenant, "account", new { name = "Acme" }, "old-key");

        var second = await ExpectAsync(again, HttpStatusCode.Created);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(first.Id(), second.Id());
        var row = Assert.Single(await IdempotencyRows.ReadAllAsync(Host, tenant));
        Assert.Contains(second.Id().ToString(), row);
    }

    [Fact]
    public async Task The_hourly_purge_deletes_idempotency_keys_older_than_24_hours_in_every_tenant()
    {
        var tenant = await Host.CreateTenantAsync();
        await ExpectAsync(await PostAsync(tenant, "account", new { name = "Old" }, "old-key"), HttpStatusCode.Created);
        await IdempotencyRows.AgeAsync(Host, tenant, TimeSpan.FromHours(25));
        await ExpectAsync(await PostAsync(tenant, "account", new { name = "Old" }, "old-key"), HttpStatusCode.Created);
        await IdempotencyRows.AgeAsync(Host, tenant, TimeSpan.FromHours(25));
        var other = await Host.CreateTenantAsync();
        await ExpectAsync(await PostAsync(other, "account", new { name = "Fresh" }, "fresh-key"), HttpStatusCode.Created);

        await Host.Services.GetRequiredService<Platform.Host.Startup.IdempotencyPurge>().PurgeAllAsync(CancellationToken.None);

        Assert.Empty(await IdempotencyRows.ReadAllAsync(Host, tenant));
        Assert.Single(await IdempotencyRows.ReadAllAsync(Host, other));
    }

    [Fact]
    public async Task A_data_subject_erasure_forgets_the_idempotency_keys_of_the_erased_records()
    {
        var tenant = await Host.CreateTenantAsync();
        var contact = (await ExpectAsync(await PostAsync(tenant, "contact", new { full_name = "Ann Lee" }, "create-ann"), HttpStatusCode.Created)).Id();
        var batch = await ExpectAsync(await Client.SendAsync(Keyed(HttpMethod.Post, Data(tenant, "contact") + "/bulk",
            new { records = new[] { new { full_name = "Bo Chen" } } }, "batch-bo")), HttpStatusCode.OK);
        var bo = Guid.Parse(batch.GetProperty("ids")[0].GetString()!);
        await CreateAsync(tenant, "account", new { name = "Kept" });
        await ExpectAsync(await PostAsync(tenant, "account", new { name = "Kept too" }, "create-account"), HttpStatusCode.Created);

        await ExpectAsync(await Client.PostAsync($"/api/{tenant}/privacy/contacts/{contact}/erase", null), HttpStatusCode.OK);
        await ExpectAsync(await Client.PostAsync($"/api/{tenant}/privacy/contacts/{bo}/erase", null), HttpStatusCode.OK);

        var rows = await IdempotencyRows.ReadAllAsync(Host, tenant);
        Assert.DoesNotContain(rows, r => r.Contains(contact.ToString()) || r.Contains(bo.ToString()));
        Assert.Single(rows);
    }

    [Fact]
    public async Task A_repeated_bulk_batch_with_an_idempotency_key_answers_the_first_result_and_writes_nothing()
    {
        var tenant = await Host.CreateTenantAsync();
        var body = new { records = new[] { new { name = "A" }, new { name = "B" } } };

        var first = await ExpectAsync(await Client.SendAsync(Keyed(HttpMethod.Post, Data(tenant, "account") + "/bulk", body, "batch-1")), HttpStatusCode.OK);
        using var repeat = await Client.SendAsync(Keyed(HttpMethod.Post, Data(tenant, "account") + "/bulk", body, "batch-1"));

        var replayed = await ExpectAsync(repeat, HttpStatusCode.OK);
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(2, replayed.GetProperty("created").GetInt32());
        Assert.Equal(first.GetProperty("ids").EnumerateArray().Select(i => i.GetString()), replayed.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(2, await CountAsync(tenant, "account"));

        var other = new { records = new[] { new { name = "C" } } };
        var problem = await ExpectProblemAsync(await Client.SendAsync(Keyed(HttpMethod.Post, Data(tenant, "account") + "/bulk", other, "batch-1")), HttpStatusCode.Conflict);
        Assert.Contains("batch-1", problem.Str("detail"));
        Assert.Equal(2, await CountAsync(tenant, "account"));
    }
}
