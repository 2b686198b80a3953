using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Security;
using Platform.Security.Tests.Support;
using Platform.Storage.Records;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// A list drops the share subquery of its read scope when it matches no share (<see cref="UnusedShares"/>), probing in
/// the list's own session each time: nothing is cached, so a share counts from the next list on, and the dropped
/// subquery selects exactly the rows the full one does.
/// </summary>
public abstract class UnusedSharesTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<List<string>> ListNamesAsync(TestUser user, string prefix)
    {
        var page = await host.Records.QueryAsync(host.Runtime, new RecordQuery("account")
        {
            Filter = new StringMatchNode("name", StringMatch.StartsWith, prefix), Top = 100,
        }, host.Actor(user), Ct);
        return page.Rows.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal).ToList();
    }

    private Task<FilterNode?> ScopeAsync(TestUser user) =>
        new RecordSecurity().ScopeFilterAsync(host.Runtime, host.Actor(user), "account", Privilege.Read, Ct);

    [Fact]
    public async Task A_record_shared_after_a_list_without_shares_is_in_the_next_list_and_gone_once_unshared()
    {
        await host.AccountOfAsync(Alice, "unused-a north");
        var southern = await host.AccountOfAsync(Carol, "unused-a south");
        Assert.Equal(["unused-a north"], await ListNamesAsync(NorthReader, "unused-a"));

        await host.Records.ShareAsync(host.Runtime, "account", southern, SharePrincipal.User(host.IdOf(NorthReader)), false, host.Actor(Carol), Ct);
        Assert.Equal(["unused-a north", "unused-a south"], await ListNamesAsync(NorthReader, "unused-a"));

        await host.Records.UnshareAsync(host.Runtime, "account", southern, SharePrincipal.User(host.IdOf(NorthReader)), host.Actor(Carol), Ct);
        Assert.Equal(["unused-a north"], await ListNamesAsync(NorthReader, "unused-a"));
    }

    [Fact]
    public async Task A_share_with_someone_else_shows_the_user_nothing_more()
    {
        var southern = await host.AccountOfAsync(Carol, "unused-b south");
        await host.Records.ShareAsync(host.Runtime, "account", southern, SharePrincipal.User(host.IdOf(Dave)), false, host.Actor(Carol), Ct);

        Assert.Empty(await ListNamesAsync(NorthReader, "unused-b"));
        Assert.Equal(["unused-b south"], await ListNamesAsync(Dave, "unused-b"));
    }

    [Fact]
    public async Task The_probe_drops_the_subquery_only_while_no_share_matches_it()
    {
        var southern = await host.AccountOfAsync(Carol, "unused-c south");
        var scope = await ScopeAsync(NorthReader);
        Assert.True(Contains<InSubqueryNode>(scope!));

        Assert.False(Contains<InSubqueryNode>((await PruneAsync(scope))!));
        await host.Records.ShareAsync(host.Runtime, "account", southern, SharePrincipal.User(host.IdOf(NorthReader)), false, host.Actor(Carol), Ct);
        Assert.Equal(scope, await PruneAsync(scope));
        await host.Records.UnshareAsync(host.Runtime, "account", southern, SharePrincipal.User(host.IdOf(NorthReader)), host.Actor(Carol), Ct);
        Assert.False(Contains<InSubqueryNode>((await PruneAsync(scope))!));
    }

    [Fact]
    public async Task The_pruned_filter_selects_the_same_rows_as_the_full_one_under_and_or_not_and_a_related_condition()
    {
        await host.AccountOfAsync(Alice, "unused-d north");
        var southern = await host.AccountOfAsync(Carol, "unused-d south");
        await host.AccountOfAsync(Dave, "unused-d north-east");
        var scope = (await ScopeAsync(NorthReader))!;
        FilterNode named = new StringMatchNode("name", StringMatch.StartsWith, "unused-d");
        FilterNode[] filters =
        [
            new AndNode(named, scope),
            new AndNode(named, new NotNode(scope)),
            new AndNode(named, new OrNode(new ComparisonNode("city", ComparisonOperator.Eq, "Nowhere"), scope)),
            new AndNode(named, new InSubqueryNode(SystemFields.Id, "account", SystemFields.Id, new AndNode(named, scope))),
            new AndNode(named, new NotNode(new InSubqueryNode(SystemFields.Id, "account", SystemFields.Id, scope))),
        ];

        try
        {
            foreach (var shared in new[] { false, true })
            {
                if (shared)
                    await host.Records.ShareAsync(host.Runtime, "account", southern, SharePrincipal.User(host.IdOf(NorthReader)), false, host.Actor(Carol), Ct);
                foreach (var filter in filters)
                {
                    var pruned = await PruneAsync(filter);
                    Assert.Equal(await IdsAsync(filter), await IdsAsync(pruned));
                    Assert.Equal(shared, Contains<InSubqueryNode>(pruned!) && Mentions(pruned!, ShareTables.RecordShares));
                }
            }
        }
        finally
        {
            // The class shares one tenant: leave the reader without shares for the other tests.
            await host.Records.UnshareAsync(host.Runtime, "account", southern, SharePrincipal.User(host.IdOf(NorthReader)), host.Actor(Carol), Ct);
        }
    }

    private async Task<FilterNode?> PruneAsync(FilterNode? filter)
    {
        await using var session = await host.Runtime.Store.OpenAsync(write: false, Ct);
        return await UnusedShares.PruneAsync(host.Runtime, session, filter, Ct);
    }

    private async Task<List<Guid>> IdsAsync(FilterNode? filter)
    {
        await using var session = await host.Runtime.Store.OpenAsync(write: false, Ct);
        var page = await host.Runtime.Store.QueryAsync(session, new RecordQuery("account") { Filter = filter, Select = [SystemFields.Id], Top = 1000 }, Ct);
        return page.Rows.Select(r => (Guid)r[SystemFields.Id]!).ToList();
    }

    private static bool Contains<T>(FilterNode node) where T : FilterNode => node switch
    {
        T => true,
        AndNode a => Contains<T>(a.Left) || Contains<T>(a.Right),
        OrNode o => Contains<T>(o.Left) || Contains<T>(o.Right),
        NotNode n => Contains<T>(n.Operand),
        InSubqueryNode s => Contains<T>(s.Where),
        _ => false,
    };

    private static bool Mentions(FilterNode node, string table) => node switch
    {
        InSubqueryNode s => s.Table == table || Mentions(s.Where, table),
        AndNode a => Mentions(a.Left, table) || Mentions(a.Right, table),
        OrNode o => Mentions(o.Left, table) || Mentions(o.Right, table),
        NotNode n => Mentions(n.Operand, table),
        _ => false,
    };
}

public sealed class SqliteUnusedSharesTests(SqliteSecurityHost host) : UnusedSharesTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresUnusedSharesTests(PostgresSecurityHost host) : UnusedSharesTests(host), IClassFixture<PostgresSecurityHost>;
