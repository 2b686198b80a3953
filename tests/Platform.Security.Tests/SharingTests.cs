using System.Text.Json;
using Platform.Records;
using Platform.Records.Security;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>Shares grant read (and update) until revoked; assignment moves the owner and the owning business unit.</summary>
public abstract class SharingTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private Task<Dictionary<string, object?>> GetAsync(TestUser user, Guid id) => host.Records.GetAsync(host.Runtime, "account", id, host.Actor(user), Ct);

    private Task UpdateAsync(TestUser user, Guid id) =>
        host.Records.UpdateAsync(host.Runtime, "account", id, JsonSerializer.SerializeToElement(new { city = "Shared city" }), null, host.Actor(user), Ct);

    private async Task<int> VisibleCountAsync(TestUser user, Guid id) =>
        (await host.Records.GetManyAsync(host.Runtime, "account", [id], null, host.Actor(user), Ct)).Count;

    [Fact]
    public async Task A_read_share_lets_the_user_read_until_it_is_revoked()
    {
        var id = await host.AccountOfAsync(Alice, "share-read");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => GetAsync(Carol, id));

        await host.Records.ShareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), false, host.Actor(Alice), Ct);

        Assert.Equal("share-read", (await GetAsync(Carol, id))["name"]);
        Assert.Equal(1, await VisibleCountAsync(Carol, id));
        await Assert.ThrowsAsync<RecordForbiddenException>(() => UpdateAsync(Carol, id));

        await host.Records.UnshareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), host.Actor(Alice), Ct);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => GetAsync(Carol, id));
        Assert.Equal(0, await VisibleCountAsync(Carol, id));
    }

    [Fact]
    public async Task An_update_share_lets_the_user_update()
    {
        var id = await host.AccountOfAsync(Alice, "share-update");

        await host.Records.ShareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), true, host.Actor(Alice), Ct);
        await UpdateAsync(Carol, id);

        Assert.Equal("Shared city", (await GetAsync(Alice, id))["city"]);
    }

    [Fact]
    public async Task A_team_share_reaches_every_member_of_the_team()
    {
        var id = await host.AccountOfAsync(Carol, "share-team");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => GetAsync(Alice, id));

        await host.Records.ShareAsync(host.Runtime, "account", id, SharePrincipal.Team("north-team"), false, host.Actor(Carol), Ct);

        Assert.Equal("share-team", (await GetAsync(Alice, id))["name"]);
        Assert.Equal("share-team", (await GetAsync(Bob, id))["name"]);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => GetAsync(Dave, id));
    }

    [Fact]
    public async Task Sharing_needs_the_share_privilege_and_an_existing_principal()
    {
        var id = await host.AccountOfAsync(Alice, "share-denied");

        // Bob reads it through his team but shares only his own records.
        await Assert.ThrowsAsync<RecordForbiddenException>(() =>
            host.Records.ShareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), false, host.Actor(Bob), Ct));
        await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            host.Records.ShareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Dave)), false, host.Actor(Carol), Ct));
        var unknown = await Assert.ThrowsAsync<RecordValidationException>(() =>
            host.Records.ShareAsync(host.Runtime, "account", id, SharePrincipal.Team("ghosts"), false, host.Actor(Alice), Ct));
        Assert.Equal("/team", unknown.Errors.Single().Pointer);
    }

    [Fact]
    public async Task Assignment_changes_owner_and_owning_business_unit()
    {
        var id = await host.AccountOfAsync(Alice, "assign-1");

        var assigned = await host.Records.AssignAsync(host.Runtime, "account", id, host.IdOf(Carol), host.Actor(Alice), Ct);

        Assert.Equal(host.IdOf(Carol), assigned["owner"]);
        Assert.Equal("south", assigned["owning_business_unit"]);
        // Alice no longer owns it, and Carol is not in her team: it is gone from her sight.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => GetAsync(Alice, id));
        Assert.Equal("assign-1", (await GetAsync(Carol, id))["name"]);
    }

    [Fact]
    public async Task Assignment_needs_the_assign_privilege_and_an_active_user()
    {
        var id = await host.AccountOfAsync(Alice, "assign-2");

        await Assert.ThrowsAsync<RecordForbiddenException>(() => host.Records.AssignAsync(host.Runtime, "account", id, host.IdOf(Bob), host.Actor(Bob), Ct));
        var unknown = await Assert.ThrowsAsync<RecordValidationException>(() =>
            host.Records.AssignAsync(host.Runtime, "account", id, Guid.NewGuid(), host.Actor(Alice), Ct));
        Assert.Equal("/owner", unknown.Errors.Single().Pointer);
        await host.Records.AssignAsync(host.Runtime, "account", id, host.IdOf(Bob), host.Actor(Manager), Ct);
    }

    [Fact]
    public async Task A_share_grants_only_rights_the_sharer_holds_on_the_record()
    {
        // Bob as a "sharer" may share his team's records but reads only his own and updates none.
        var sharer = host.Actor(Bob) with { Roles = ["sharer"] };
        var alices = await host.AccountOfAsync(Alice, "share-not-readable");
        var bobs = await host.AccountOfAsync(Bob, "share-not-updatable");

        await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            host.Records.ShareAsync(host.Runtime, "account", alices, SharePrincipal.User(host.IdOf(Carol)), false, sharer, Ct));
        var update = await Assert.ThrowsAsync<RecordForbiddenException>(() =>
            host.Records.ShareAsync(host.Runtime, "account", bobs, SharePrincipal.User(host.IdOf(Carol)), true, sharer, Ct));
        Assert.Contains("update", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => GetAsync(Carol, alices));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => GetAsync(Carol, bobs));

        await host.Records.ShareAsync(host.Runtime, "account", bobs, SharePrincipal.User(host.IdOf(Carol)), false, sharer, Ct);
        Assert.Equal("share-not-updatable", (await GetAsync(Carol, bobs))["name"]);
    }

    [Fact]
    public async Task Share_unshare_and_assign_keep_nothing_when_their_audit_entry_cannot_be_written()
    {
        var records = host.RecordsWithAudit(new FailingAuditLog());
        var id = await host.AccountOfAsync(Alice, "audit-atomic");

        await Assert.ThrowsAsync<AuditUnavailableException>(() =>
            records.ShareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), false, host.Actor(Alice), Ct));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => GetAsync(Carol, id));

        await host.Records.ShareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), false, host.Actor(Alice), Ct);
        await Assert.ThrowsAsync<AuditUnavailableException>(() =>
            records.UnshareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), host.Actor(Alice), Ct));
        Assert.Equal("audit-atomic", (await GetAsync(Carol, id))["name"]);

        await Assert.ThrowsAsync<AuditUnavailableException>(() => records.AssignAsync(host.Runtime, "account", id, host.IdOf(Bob), host.Actor(Alice), Ct));
        Assert.Equal(host.IdOf(Alice), (await GetAsync(Alice, id))["owner"]);
    }

    [Fact]
    public async Task Share_unshare_and_assign_are_in_the_audit_trail()
    {
        var id = await host.AccountOfAsync(Alice, "audit-trail");
        await host.Records.ShareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), false, host.Actor(Alice), Ct);
        await host.Records.UnshareAsync(host.Runtime, "account", id, SharePrincipal.User(host.IdOf(Carol)), host.Actor(Alice), Ct);
        await host.Records.AssignAsync(host.Runtime, "account", id, host.IdOf(Bob), host.Actor(Alice), Ct);

        var actions = (await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, $"admin/audit?entity=account&record={id}")))
            .GetProperty("value").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();

        Assert.Equal(["assign", "create", "share", "unshare", "update"], actions.Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteSharingTests(SqliteSecurityHost host) : SharingTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresSharingTests(PostgresSecurityHost host) : SharingTests(host), IClassFixture<PostgresSecurityHost>;
