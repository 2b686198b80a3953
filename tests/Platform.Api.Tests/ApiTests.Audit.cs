using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Audit.Trail;
using Platform.Records;
using Platform.Records.Auditing;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Runtime;
using Platform.Storage.Records;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>The audit trail: entries for record writes and other events, the record timeline and the admin list.</summary>
public abstract partial class ApiTests
{
    /// <summary>The test module with encrypted fields (patient_note) and an entity whose audit is switched off (scratch).</summary>
    protected static string HealthModule => Path.Combine(RepositoryPaths.Root, "tests", "Platform.Api.Tests", "Modules", "health");

    protected static string AdminAudit(string tenant, params (string Name, string Value)[] options) =>
        $"/api/{tenant}/admin/audit" + (options.Length == 0 ? "" : "?" + string.Join("&", options.Select(o => $"{o.Name}={Uri.EscapeDataString(o.Value)}")));

    /// <summary>
    /// The entries at <paramref name="url"/>, without those of the tenant's set-up: the test client's own sign-in (its
    /// first request to a tenant logs in as admin) and the install's security documents.
    /// </summary>
    protected async Task<IReadOnlyList<JsonElement>> AuditEntriesAsync(string url) =>
        (await ExpectAsync(await Client.GetAsync(url), HttpStatusCode.OK)).GetProperty("value").EnumerateArray()
            .Where(e => e.Str("action") is not ("login" or SecurityDefinitionChanges.Action)).ToList();

    protected async Task<TenantRuntime> RuntimeAsync(string tenant) =>
        (await Host.Services.GetRequiredService<TenantRuntimeCache>().GetAsync(tenant, CancellationToken.None))!;

    /// <summary>A sales-manager of root: she may create, and change the administrator's records (also in root), as the tests need.</summary>
    private static readonly RecordActor Ann = new(Guid.Parse("0190a000-0000-7000-8000-00000000a001"))
    {
        Name = "ann", ClientAddress = "203.0.113.7", Roles = ["sales-manager"], BusinessUnit = "root",
    };

    [Fact]
    public async Task Create_update_and_delete_are_audited_with_old_and_new_values_and_the_actor()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = await RuntimeAsync(tenant);
        var records = Host.Services.GetRequiredService<RecordService>();
        var (created, _) = await records.CreateAsync(runtime, "account", JsonSerializer.SerializeToElement(new { name = "Acme", city = "Berlin", employees = 12 }), Ann, null, CancellationToken.None);
        var id = (Guid)created!["id"]!;
        await records.UpdateAsync(runtime, "account", id, JsonSerializer.SerializeToElement(new { city = "Paris", employees = 12 }), null, Ann, CancellationToken.None);
        await records.DeleteAsync(runtime, "account", id, null, Ann, CancellationToken.None);

        var entries = await AuditEntriesAsync(AdminAudit(tenant, ("entity", "account"), ("record", id.ToString())));

        Assert.Equal(["delete", "update", "create"], entries.Select(e => e.Str("action")));
        Assert.All(entries, e =>
        {
            Assert.Equal(Ann.UserId, Guid.Parse(e.Str("actor_id")));
            Assert.Equal("ann", e.Str("actor_name"));
            Assert.Equal("203.0.113.7", e.Str("client_address"));
            Assert.True(DateTime.UtcNow - e.GetProperty("occurred_at").GetDateTime().ToUniversalTime() < TimeSpan.FromMinutes(5));
        });
        var create = entries[2].GetProperty("changes");
        Assert.Equal("Acme", create.GetProperty("name").Str("new"));
        Assert.Equal(12, create.GetProperty("employees").GetProperty("new").GetInt64());
        Assert.False(create.GetProperty("name").TryGetProperty("old", out _));
        var update = entries[1].GetProperty("changes");
        Assert.Equal(["city"], update.EnumerateObject().Select(p => p.Name)); // employees was sent but did not change
        Assert.Equal("Berlin", update.GetProperty("city").Str("old"));
        Assert.Equal("Paris", update.GetProperty("city").Str("new"));
        var delete = entries[0].GetProperty("changes");
        Assert.Equal("Paris", delete.GetProperty("city").Str("old"));
        Assert.Equal("Acme", delete.GetProperty("name").Str("old"));
    }

    [Fact]
    public async Task A_records_timeline_is_newest_first_and_paged_through_next_links()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await CreateAccountAsync(tenant);
        for (var i = 1; i <= 4; i++) await ExpectAsync(await PatchAsync(tenant, "account", id, new { employees = i }), HttpStatusCode.OK);
        await CreateAccountAsync(tenant, "Other"); // not on this record's timeline

        var employees = new List<long?>();
        var actions = new List<string>();
        var pages = 0;
        for (var url = Data(tenant, "account", id) + "/audit?$top=2"; url is not null; pages++)
        {
            var page = await ExpectAsync(await Client.GetAsync(url), HttpStatusCode.OK);
            foreach (var entry in page.GetProperty("value").EnumerateArray())
            {
                actions.Add(entry.Str("action"));
                Assert.Equal(id, Guid.Parse(entry.Str("record_id")));
                employees.Add(entry.GetProperty("changes").TryGetProperty("employees", out var e) ? e.GetProperty("new").GetInt64() : null);
            }
            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }

        Assert.Equal(3, pages);
        Assert.Equal(["update", "update", "update", "update", "create"], actions);
        Assert.Equal([4, 3, 2, 1, null], employees);
    }

    [Fact]
    public async Task A_records_timeline_needs_a_readable_record_and_valid_paging()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await CreateAccountAsync(tenant);

        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "account", Guid.NewGuid()) + "/audit"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "invoice", id) + "/audit"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "account", id) + "/audit?$top=0"), HttpStatusCode.BadRequest);
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "account", id) + "/audit?$skiptoken=forged"), HttpStatusCode.BadRequest);
        await ExpectProblemAsync(await Client.GetAsync(AdminAudit(tenant, ("user", "ann"))), HttpStatusCode.BadRequest);
        await ExpectProblemAsync(await Client.GetAsync(AdminAudit(tenant, ("from", "yesterday"))), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_audit_trail_is_append_only_through_the_api()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await CreateAccountAsync(tenant);
        var entry = (await AuditEntriesAsync(AdminAudit(tenant)))[0];
        var entryId = entry.Str("id");

        foreach (var url in new[] { AdminAudit(tenant), $"{AdminAudit(tenant)}/{entryId}", Data(tenant, "account", id) + "/audit", $"{Data(tenant, "account", id)}/audit/{entryId}" })
        {
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Post })
            {
                using var response = await Client.SendAsync(new HttpRequestMessage(method, url) { Content = Body(new { action = "forged" }) });
                Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode}");
            }
        }

        var after = await AuditEntriesAsync(AdminAudit(tenant));
        Assert.Single(after);
        Assert.Equal(entry.GetRawText(), after[0].GetRawText());
    }

    [Fact]
    public async Task An_entity_with_audit_switched_off_writes_no_entries()
    {
        var tenant = await Host.CreateTenantAsync(HealthModule);
        var id = (await CreateAsync(tenant, "scratch", new { note = "draft" })).Id();
        await ExpectAsync(await PatchAsync(tenant, "scratch", id, new { note = "final" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "scratch", id))).StatusCode);
        await CreateAccountAsync(tenant);

        Assert.Empty(await AuditEntriesAsync(AdminAudit(tenant, ("entity", "scratch"))));
        Assert.Single(await AuditEntriesAsync(AdminAudit(tenant)));
    }

    [Fact]
    public async Task An_audit_entry_rolls_back_with_a_write_that_fails_in_its_transaction()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = await RuntimeAsync(tenant);
        var id = await CreateAccountAsync(tenant);
        // The audit handler runs first, then a handler that fails: the whole transaction must roll back.
        var failing = new RecordService([.. Host.Services.GetServices<IRecordEventHandler>(), new FailingHandler()]);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            failing.CreateAsync(runtime, "account", JsonSerializer.SerializeToElement(new { name = "Rolled back" }), Ann, null, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            failing.UpdateAsync(runtime, "account", id, JsonSerializer.SerializeToElement(new { city = "Rome" }), null, Ann, CancellationToken.None));

        Assert.Equal(1, await CountAsync(tenant, "account"));
        var entries = await AuditEntriesAsync(AdminAudit(tenant));
        Assert.Equal(["create"], entries.Select(e => e.Str("action")));
        Assert.Equal(id, Guid.Parse(entries[0].Str("record_id")));
    }

    private sealed class FailingHandler : IRecordEventHandler
    {
        public Task OnWritingAsync(RecordChange change, RecordSession session, CancellationToken ct) => throw new InvalidOperationException("refused");
    }

    [Fact]
    public async Task A_bulk_create_of_a_thousand_records_writes_a_thousand_entries_in_the_same_transaction()
    {
        var tenant = await Host.CreateTenantAsync();
        var records = Enumerable.Range(0, 1000).Select(i => new { name = $"Account {i:0000}" }).ToArray();

        await BulkAsync(tenant, "account", new { mode = "create", records });

        var first = await ExpectAsync(await Client.GetAsync(AdminAudit(tenant, ("action", "create"), ("$top", "500"))), HttpStatusCode.OK);
        var second = await ExpectAsync(await Client.GetAsync(first.GetProperty("@odata.nextLink").GetString()), HttpStatusCode.OK);
        var names = first.GetProperty("value").EnumerateArray().Concat(second.GetProperty("value").EnumerateArray())
            .Select(e => e.GetProperty("changes").GetProperty("name").Str("new")).ToHashSet();
        Assert.Equal(1000, names.Count);
        Assert.False(second.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Admin_audit_filters_by_action_user_entity_and_time_and_keeps_events_of_the_audit_log()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = await RuntimeAsync(tenant);
        var before = DateTime.UtcNow.AddSeconds(-1);
        var records = Host.Services.GetRequiredService<RecordService>();
        await records.CreateAsync(runtime, "account", JsonSerializer.SerializeToElement(new { name = "By Ann" }), Ann, null, CancellationToken.None);
        await CreateAccountAsync(tenant, "Anonymous");
        await CreateAsync(tenant, "contact", new { full_name = "Bo" });
        await Host.Services.GetRequiredService<IAuditLog>().WriteAsync(runtime,
            new AuditEvent("login-failed", Ann, Details: new Dictionary<string, object?> { ["reason"] = "bad password", ["attempt"] = 3L }), CancellationToken.None);

        Assert.Equal(4, (await AuditEntriesAsync(AdminAudit(tenant))).Count);
        Assert.Equal(2, (await AuditEntriesAsync(AdminAudit(tenant, ("user", Ann.UserId.ToString()!)))).Count);
        Assert.Equal(2, (await AuditEntriesAsync(AdminAudit(tenant, ("entity", "account")))).Count);
        Assert.Equal(3, (await AuditEntriesAsync(AdminAudit(tenant, ("action", "create")))).Count);
        Assert.Equal(4, (await AuditEntriesAsync(AdminAudit(tenant, ("from", before.ToString("O")), ("to", DateTime.UtcNow.AddMinutes(1).ToString("O"))))).Count);
        Assert.Empty(await AuditEntriesAsync(AdminAudit(tenant, ("to", before.ToString("O")))));

        var login = Assert.Single(await AuditEntriesAsync(AdminAudit(tenant, ("action", "login-failed"))));
        Assert.Equal("ann", login.Str("actor_name"));
        Assert.Equal("bad password", login.GetProperty("details").Str("reason"));
        Assert.Equal(3, login.GetProperty("details").GetProperty("attempt").GetInt64());
        Assert.Equal(JsonValueKind.Null, login.GetProperty("record_id").ValueKind);
    }
}
