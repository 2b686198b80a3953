using System.Text.Json;
using Platform.Records;
using Platform.Security.Tests.Support;
using Platform.Storage.Records;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>Each privilege scope (own, team, business unit, business unit and children, tenant) at RecordService.</summary>
public abstract class ScopeTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<List<string>> NamesAsync(TestUser user, string prefix)
    {
        var query = new RecordQuery("account") { Filter = new StringMatchNode("name", StringMatch.StartsWith, prefix), Top = 100, Count = CountMode.Exact };
        var page = await host.Records.QueryAsync(host.Runtime, query, host.Actor(user), Ct);
        Assert.Equal(page.Rows.Count, page.Count);
        return page.Rows.Select(r => (string)r["name"]!).Order().ToList();
    }

    private Task UpdateAsync(TestUser user, Guid id) =>
        host.Records.UpdateAsync(host.Runtime, "account", id, JsonSerializer.SerializeToElement(new { city = "Changed" }), null, host.Actor(user), Ct);

    private Task DeleteAsync(TestUser user, Guid id) => host.Records.DeleteAsync(host.Runtime, "account", id, null, host.Actor(user), Ct);

    [Fact]
    public async Task Own_scope_lets_the_owner_update_and_delete_but_not_a_teammate()
    {
        var id = await host.AccountOfAsync(Alice, "own-1");

        await UpdateAsync(Alice, id);
        // Bob reads Alice's record through team scope, so he is told he may not change it (403), not that it is missing.
        await Assert.ThrowsAsync<RecordForbiddenException>(() => UpdateAsync(Bob, id));
        await Assert.ThrowsAsync<RecordForbiddenException>(() => DeleteAsync(Bob, id));
        await DeleteAsync(Alice, id);
    }

    [Fact]
    public async Task Team_scope_reads_records_of_teammates_only()
    {
        await host.AccountOfAsync(Alice, "team-a");
        await host.AccountOfAsync(Bob, "team-b");
        await host.AccountOfAsync(Carol, "team-c");

        Assert.Equal(["team-a", "team-b"], await NamesAsync(Bob, "team-"));
        Assert.Equal(["team-c"], await NamesAsync(Carol, "team-"));
    }

    [Fact]
    public async Task A_record_out_of_read_scope_is_not_found_for_get_update_and_delete()
    {
        var id = await host.AccountOfAsync(Alice, "hidden-1");

        await Assert.ThrowsAsync<RecordNotFoundException>(() => host.Records.GetAsync(host.Runtime, "account", id, host.Actor(Carol), Ct));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => UpdateAsync(Carol, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => DeleteAsync(Carol, id));
        Assert.Empty(await host.Records.GetManyAsync(host.Runtime, "account", [id], null, host.Actor(Carol), Ct));
    }

    [Fact]
    public async Task Business_unit_scope_reads_and_updates_the_units_records_with_right_counts()
    {
        await host.AccountOfAsync(Alice, "bu-north-1");
        await host.AccountOfAsync(Bob, "bu-north-2");
        var east = await host.AccountOfAsync(Dave, "bu-north-east");
        var south = await host.AccountOfAsync(Carol, "bu-south");

        Assert.Equal(["bu-north-1", "bu-north-2"], await NamesAsync(NorthReader, "bu-"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => UpdateAsync(NorthReader, south));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => UpdateAsync(NorthReader, east));
    }

    [Fact]
    public async Task Business_unit_and_children_scope_reaches_units_below_while_delete_stays_in_the_unit()
    {
        var north = await host.AccountOfAsync(Alice, "tree-north");
        var east = await host.AccountOfAsync(Dave, "tree-east");
        await host.AccountOfAsync(Carol, "tree-south");

        Assert.Equal(["tree-east", "tree-north"], await NamesAsync(Manager, "tree-"));
        await UpdateAsync(Manager, east);
        // sales-manager deletes with businessUnit scope only.
        await Assert.ThrowsAsync<RecordForbiddenException>(() => DeleteAsync(Manager, east));
        await DeleteAsync(Manager, north);
    }

    [Fact]
    public async Task Tenant_scope_reaches_every_record_and_read_only_creates_nothing()
    {
        var south = await host.AccountOfAsync(Carol, "tenant-south");
        await host.AccountOfAsync(Dave, "tenant-east");

        Assert.Equal(["tenant-east", "tenant-south"], await NamesAsync(Admin, "tenant-"));
        Assert.Equal(["tenant-east", "tenant-south"], await NamesAsync(Reader, "tenant-"));
        await UpdateAsync(Admin, south);
        await Assert.ThrowsAsync<RecordForbiddenException>(() => UpdateAsync(Reader, south));
        await Assert.ThrowsAsync<RecordForbiddenException>(() => host.AccountOfAsync(Reader, "tenant-new"));
    }

    [Fact]
    public async Task A_user_without_roles_sees_nothing_and_creates_nothing()
    {
        var id = await host.AccountOfAsync(Alice, "none-1");

        Assert.Empty(await NamesAsync(Nobody, "none-"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => host.Records.GetAsync(host.Runtime, "account", id, host.Actor(Nobody), Ct));
        await Assert.ThrowsAsync<RecordForbiddenException>(() => host.AccountOfAsync(Nobody, "none-2"));
    }

    [Fact]
    public async Task Created_records_are_owned_by_the_creator_within_their_business_unit()
    {
        var id = await host.AccountOfAsync(Dave, "stamp-1");

        var row = await host.Records.GetAsync(host.Runtime, "account", id, Platform.Records.RecordActor.System, Ct);

        Assert.Equal(host.IdOf(Dave), row["owner"]);
        Assert.Equal("north-east", row["owning_business_unit"]);
    }

    [Fact]
    public async Task Bulk_checks_every_row_against_the_privileges()
    {
        var alices = await host.AccountOfAsync(Alice, "bulk-1");
        var request = new Platform.Records.Writing.BulkRequest(Platform.Records.Writing.BulkMode.Upsert, "id",
        [
            JsonSerializer.SerializeToElement(new { id = alices, name = "bulk-1 taken" }),
            JsonSerializer.SerializeToElement(new { name = "bulk-2" }),
        ]);

        var refused = await Assert.ThrowsAsync<RecordValidationException>(() => host.Records.BulkAsync(host.Runtime, "account", request, host.Actor(Bob), Ct));
        Assert.Contains(refused.Errors, e => e.Pointer == "/records/0");
        var nobody = await Assert.ThrowsAsync<RecordValidationException>(() => host.Records.BulkAsync(host.Runtime, "account",
            new Platform.Records.Writing.BulkRequest(Platform.Records.Writing.BulkMode.Create, null, [JsonSerializer.SerializeToElement(new { name = "bulk-3" })]), host.Actor(Nobody), Ct));
        Assert.Contains(nobody.Errors, e => e.Pointer == "/records/0" && e.Message.Contains("may not create", StringComparison.Ordinal));
        Assert.Equal(["bulk-1"], await NamesAsync(Admin, "bulk-"));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("owning_business_unit")]
    [InlineData("created_by")]
    [InlineData("row_version")]
    public async Task Owner_and_system_fields_in_a_body_are_refused(string field)
    {
        var id = await host.AccountOfAsync(Alice, "mass-1");
        var body = new Dictionary<string, object?> { [field] = field == "row_version" ? 9 : field == "owning_business_unit" ? "root" : host.IdOf(Carol) };

        var error = await Assert.ThrowsAsync<RecordValidationException>(() =>
            host.Records.UpdateAsync(host.Runtime, "account", id, JsonSerializer.SerializeToElement(body), null, host.Actor(Alice), Ct));

        Assert.Contains(error.Errors, e => e.Pointer == "/" + field && e.Message.Contains("system field", StringComparison.Ordinal));
    }
}

public sealed class SqliteScopeTests(SqliteSecurityHost host) : ScopeTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresScopeTests(PostgresSecurityHost host) : ScopeTests(host), IClassFixture<PostgresSecurityHost>;
