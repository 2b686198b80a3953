using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Records;
using Platform.Records.Outbox;
using Platform.Records.Security;
using Platform.Security.Tests.Support;
using Platform.Storage.Records;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// The write path's seams with security: every record change a delete takes along leaves its one outbox event and
/// its one audit entry in the delete's transaction, an assignment is a record change like any, and a refused write
/// leaves nothing.
/// </summary>
public abstract class WritePipelineTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<Guid> CreateAsync(TestUser user, string entity, object body)
    {
        var (created, _) = await host.Records.CreateAsync(host.Runtime, entity, JsonSerializer.SerializeToElement(body), host.Actor(user), null, Ct);
        return (Guid)created!["id"]!;
    }

    [Fact]
    public async Task A_cascading_delete_leaves_one_outbox_event_and_one_audit_entry_per_record_it_changes()
    {
        var account = await host.AccountOfAsync(Alice, "pipeline-cascade");
        var activity = await CreateAsync(Alice, "activity", new { subject = "Call", account, occurred_at = "2026-01-05T10:00:00Z" });
        var contact = await CreateAsync(Alice, "contact", new { full_name = "Cleared Contact", account });

        await host.Records.DeleteAsync(host.Runtime, "account", account, null, host.Actor(Alice), Ct);

        Assert.Equal(["created", "deleted"], (await OutboxKindsAsync(account)).Order());
        Assert.Equal(["created", "deleted"], (await OutboxKindsAsync(activity)).Order());
        Assert.Equal(["created", "updated"], (await OutboxKindsAsync(contact)).Order());
        Assert.Equal(["create", "delete"], (await AuditActionsAsync("account", account)).Order());
        Assert.Equal(["create", "delete"], (await AuditActionsAsync("activity", activity)).Order());
        Assert.Equal(["create", "update"], (await AuditActionsAsync("contact", contact)).Order());
    }

    [Fact]
    public async Task A_delete_refused_by_a_child_the_deleter_may_not_delete_leaves_no_event_of_the_records_it_had_reached()
    {
        var account = await host.AccountOfAsync(Alice, "pipeline-refused");
        var contact = await CreateAsync(Alice, "contact", new { full_name = "Alice's Contact", account });
        var bobs = await CreateAsync(Bob, "activity", new { subject = "Bob's call", account, occurred_at = "2026-01-05T10:00:00Z" });
        var before = await OutboxCountAsync();

        await Assert.ThrowsAsync<RecordForbiddenException>(() => host.Records.DeleteAsync(host.Runtime, "account", account, null, host.Actor(Alice), Ct));

        Assert.Equal(before, await OutboxCountAsync());
        Assert.Equal(["created"], await OutboxKindsAsync(contact));
        Assert.Equal(["created"], await OutboxKindsAsync(bobs));
    }

    [Fact]
    public async Task Writes_the_actor_may_not_make_leave_no_outbox_event()
    {
        var account = await host.AccountOfAsync(Alice, "pipeline-denied");
        var before = await OutboxCountAsync();

        await Assert.ThrowsAnyAsync<RecordException>(() =>
            host.Records.UpdateAsync(host.Runtime, "account", account, JsonSerializer.SerializeToElement(new { name = "Carol was here" }), null, host.Actor(Carol), Ct));
        await Assert.ThrowsAnyAsync<RecordException>(() => host.Records.DeleteAsync(host.Runtime, "account", account, null, host.Actor(Carol), Ct));
        await Assert.ThrowsAnyAsync<RecordException>(() =>
            host.Records.CreateAsync(host.Runtime, "account", JsonSerializer.SerializeToElement(new { name = "Nobody's" }), host.Actor(Nobody), null, Ct));
        await Assert.ThrowsAsync<RecordForbiddenException>(() => host.Records.AssignAsync(host.Runtime, "account", account, host.IdOf(Bob), host.Actor(Bob), Ct));

        Assert.Equal(before, await OutboxCountAsync());
    }

    [Fact]
    public async Task An_assignment_leaves_one_update_event_naming_the_owner_and_one_assign_entry()
    {
        var account = await host.AccountOfAsync(Alice, "pipeline-assign");

        await host.Records.AssignAsync(host.Runtime, "account", account, host.IdOf(Carol), host.Actor(Alice), Ct);

        var rows = await OutboxRowsAsync(account);
        Assert.Equal(["created", "updated"], rows.Select(r => (string)r["kind"]!));
        Assert.Contains(SystemFields.Owner, JsonSerializer.Deserialize<string[]>((string)rows[1]["changed_fields"]!)!);
        Assert.Equal(host.IdOf(Alice), (Guid)rows[1]["actor_id"]!);
        Assert.Single(await AuditActionsAsync("account", account), a => a == "assign");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private async Task<IReadOnlyList<Dictionary<string, object?>>> OutboxRowsAsync(Guid? recordId = null)
    {
        await using var session = await host.Runtime.Store.OpenAsync(write: false, Ct);
        var page = await host.Runtime.Store.QueryAsync(session, new RecordQuery(OutboxTables.Outbox)
        {
            Filter = recordId is { } id ? new ComparisonNode("record_id", ComparisonOperator.Eq, id) : null, OrderBy = [new OrderTerm("id")], Top = 10_000,
        }, Ct);
        return page.Rows;
    }

    private async Task<List<string>> OutboxKindsAsync(Guid recordId) => (await OutboxRowsAsync(recordId)).Select(r => (string)r["kind"]!).ToList();

    private async Task<int> OutboxCountAsync() => (await OutboxRowsAsync()).Count;

    private async Task<List<string>> AuditActionsAsync(string entity, Guid id) =>
        (await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, $"admin/audit?entity={entity}&record={id}")))
        .GetProperty("value").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList();
}

public sealed class SqliteWritePipelineTests(SqliteSecurityHost host) : WritePipelineTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresWritePipelineTests(PostgresSecurityHost host) : WritePipelineTests(host), IClassFixture<PostgresSecurityHost>;
