using System.Net;
using System.Text.Json;
using Platform.Records;
using Platform.Records.Security;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// onDelete cascade and setNull are done by the record service: each child is checked against the deleter's
/// privileges, its hooks run, its audit entry is written and its shares are removed, all in the delete's transaction.
/// </summary>
public abstract class DeleteCascadeTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<Guid> CreateAsync(TestUser user, string entity, object body)
    {
        var (created, _) = await host.Records.CreateAsync(host.Runtime, entity, JsonSerializer.SerializeToElement(body), host.Actor(user), null, Ct);
        return (Guid)created!["id"]!;
    }

    private Task<Guid> ActivityAsync(TestUser user, Guid account, string subject) =>
        CreateAsync(user, "activity", new { subject, account, occurred_at = "2026-01-05T10:00:00Z" });

    private async Task<bool> ExistsAsync(string entity, Guid id) =>
        (await host.Records.GetManyAsync(host.Runtime, entity, [id], null, RecordActor.System, Ct)).Count == 1;

    private async Task<IReadOnlyList<JsonElement>> AuditAsync(string entity, Guid id) =>
        (await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, $"admin/audit?entity={entity}&record={id}")))
        .GetProperty("value").EnumerateArray().ToList();

    [Fact]
    public async Task Deleting_an_account_with_a_teammates_activity_is_refused_with_403_naming_the_activity_and_deletes_nothing()
    {
        var account = await host.AccountOfAsync(Alice, "cascade-refused");
        var bobs = await ActivityAsync(Bob, account, "Bob's call");

        var response = await host.SendAsync(Alice, HttpMethod.Delete, $"data/account/{account}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await SecurityHost.JsonAsync(response);
        Assert.Equal("activity", problem.GetProperty("entity").GetString());
        Assert.Contains("activity", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(await ExistsAsync("account", account));
        Assert.True(await ExistsAsync("activity", bobs));
    }

    [Fact]
    public async Task Cascaded_children_are_deleted_audited_and_unshared_in_the_deleters_name()
    {
        var account = await host.AccountOfAsync(Alice, "cascade-done");
        var activity = await ActivityAsync(Alice, account, "Alice's call");
        await host.Records.ShareAsync(host.Runtime, "activity", activity, SharePrincipal.User(host.IdOf(Carol)), false, host.Actor(Alice), Ct);

        await host.Records.DeleteAsync(host.Runtime, "account", account, null, host.Actor(Alice), Ct);

        Assert.False(await ExistsAsync("activity", activity));
        var entry = (await AuditAsync("activity", activity)).First(e => e.GetProperty("action").GetString() == "delete");
        Assert.Equal(host.IdOf(Alice).ToString(), entry.GetProperty("actor_id").GetString());
        Assert.Equal("Alice's call", entry.GetProperty("changes").GetProperty("subject").GetProperty("old").GetString());
        Assert.Empty(await ShareRowsAsync("activity", activity));
    }

    [Fact]
    public async Task A_set_null_child_the_deleter_may_not_update_refuses_the_delete_with_403_naming_it()
    {
        var account = await host.AccountOfAsync(Alice, "setnull-refused");
        var contact = await CreateAsync(Bob, "contact", new { full_name = "Bob's Contact", account });

        var refused = await Assert.ThrowsAsync<RecordForbiddenException>(() => host.Records.DeleteAsync(host.Runtime, "account", account, null, host.Actor(Alice), Ct));

        Assert.Equal("contact", refused.Entity);
        Assert.True(await ExistsAsync("account", account));
        Assert.Equal(account, (await host.Records.GetAsync(host.Runtime, "contact", contact, RecordActor.System, Ct))["account"]);
    }

    [Fact]
    public async Task Set_null_children_are_cleared_as_audited_updates_of_the_deleter()
    {
        var account = await host.AccountOfAsync(Alice, "setnull-done");
        var contact = await CreateAsync(Alice, "contact", new { full_name = "Alice's Contact", account });

        await host.Records.DeleteAsync(host.Runtime, "account", account, null, host.Actor(Alice), Ct);

        Assert.Null((await host.Records.GetAsync(host.Runtime, "contact", contact, RecordActor.System, Ct))["account"]);
        var update = (await AuditAsync("contact", contact)).First(e => e.GetProperty("action").GetString() == "update");
        Assert.Equal(host.IdOf(Alice).ToString(), update.GetProperty("actor_id").GetString());
        Assert.Equal(account.ToString(), update.GetProperty("changes").GetProperty("account").GetProperty("old").GetString());
    }

    [Fact]
    public async Task A_cascaded_childs_before_delete_hook_runs_and_can_refuse_the_whole_delete()
    {
        var account = await host.AccountOfAsync(Alice, "cascade-hook");
        var kept = await CreateAsync(Alice, "account_note", new { label = "keep", account });
        var other = await CreateAsync(Alice, "account_note", new { label = "go", account });

        var refused = await Assert.ThrowsAsync<RecordValidationException>(() => host.Records.DeleteAsync(host.Runtime, "account", account, null, host.Actor(Alice), Ct));

        Assert.Contains(refused.Errors, e => e.Message == "this note is kept");
        Assert.True(await ExistsAsync("account", account));
        Assert.True(await ExistsAsync("account_note", kept));
        Assert.True(await ExistsAsync("account_note", other));

        await host.Records.UpdateAsync(host.Runtime, "account_note", kept, JsonSerializer.SerializeToElement(new { label = "go" }), null, host.Actor(Alice), Ct);
        await host.Records.DeleteAsync(host.Runtime, "account", account, null, host.Actor(Alice), Ct);
        Assert.False(await ExistsAsync("account_note", kept));
    }

    private async Task<IReadOnlyList<RecordShares.Share>> ShareRowsAsync(string entity, Guid id)
    {
        await using var session = await host.Runtime.Store.OpenAsync(false, Ct);
        return await RecordShares.ListAsync(host.Runtime, session, entity, id, Ct);
    }
}

public sealed class SqliteDeleteCascadeTests(SqliteSecurityHost host) : DeleteCascadeTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresDeleteCascadeTests(PostgresSecurityHost host) : DeleteCascadeTests(host), IClassFixture<PostgresSecurityHost>;
