using System.Globalization;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Querying.Tests.Integration;

/// <summary>Real queries through the translator and <see cref="RecordStore"/>; run once per database.</summary>
public abstract class QueryIntegrationTests<TDatabase>(TDatabase db) : IClassFixture<TDatabase> where TDatabase : QueryDatabase
{
    private const string PagingFilter = "batch eq 'p'";

    [Theory]
    [MemberData(nameof(OperatorCases.Filters), MemberType = typeof(OperatorCases))]
    public async Task Every_operator_returns_the_right_rows(string filter, string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), await NamesAsync(filter));

    [Theory]
    [MemberData(nameof(OperatorCases.Literals), MemberType = typeof(OperatorCases))]
    public async Task Wildcards_quotes_and_backslashes_match_literally(string filter, string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), await NamesAsync(filter));

    [Theory]
    [MemberData(nameof(OperatorCases.HarmlessInjections), MemberType = typeof(OperatorCases))]
    public async Task Injection_in_filter_values_is_only_a_value(string filter)
    {
        Assert.Empty(await NamesAsync(filter));
        await AssertOpportunitiesIntactAsync();
    }

    [Theory]
    [InlineData("$filter", "name eq 'x' or 1 eq 1")]
    [InlineData("$filter", "name eq 'x'; DROP TABLE opportunity")]
    [InlineData("$filter", "name eq 'x' -- ")]
    [InlineData("$filter", "name) OR (1=1")]
    [InlineData("$filter", "\"name\" eq 'x'")]
    [InlineData("$orderby", "name; DROP TABLE opportunity")]
    [InlineData("$orderby", "name desc, (SELECT 1)")]
    [InlineData("$orderby", "\"name\"")]
    [InlineData("$orderby", "name COLLATE \"C\"")]
    [InlineData("$select", "name,(SELECT 1)")]
    [InlineData("$select", "name FROM opportunity; --")]
    [InlineData("$select", "\"name\"")]
    [InlineData("$select", "*/1")]
    [InlineData("$expand", "account) x; DROP TABLE account; --")]
    public void Injection_in_names_is_refused(string parameter, string value)
    {
        var options = parameter switch
        {
            "$filter" => new QueryOptions { Filter = value },
            "$orderby" => new QueryOptions { OrderBy = value },
            "$select" => new QueryOptions { Select = value },
            _ => new QueryOptions { Expand = value },
        };
        var result = db.Translator.Translate("opportunity", options);
        Assert.False(result.Succeeded);
        Assert.Equal(parameter, Assert.Single(result.Errors).Parameter);
    }

    [Theory]
    [InlineData("rank")]
    [InlineData("rank desc")]
    [InlineData("rank desc, label")]
    [InlineData("label, rank desc")]
    [InlineData("due desc, price")]
    [InlineData("price desc")]
    [InlineData("flag, seen_at desc")]
    [InlineData("seen_at")]
    [InlineData("ref desc, rank")]
    [InlineData("id desc")]
    [InlineData("created_at, row_version desc")]
    public async Task Keyset_paging_visits_every_row_once_in_the_order_of_one_big_page(string orderBy)
    {
        var (_, all) = await db.ListAsync("item", new QueryOptions { Filter = PagingFilter, OrderBy = orderBy, Top = "1000" });
        Assert.False(all.HasMore);
        Assert.Equal(SeedData.PagingRows, all.Rows.Count);
        var expected = all.Rows.Select(r => (Guid)r["id"]!).ToList();

        var paged = await PageThroughAsync(new QueryOptions { Filter = PagingFilter, OrderBy = orderBy, Top = "37", Select = "batch" });
        Assert.Equal(SeedData.PagingRows, paged.Distinct().Count());
        Assert.Equal(expected, paged);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task One_big_page_is_sorted_with_the_databases_null_placement_and_id_tie_break(bool descending)
    {
        var (_, page) = await db.ListAsync("item", new QueryOptions { Filter = PagingFilter, OrderBy = descending ? "rank desc" : "rank", Top = "1000" });
        var rows = page.Rows.Select(r => ((long?)r["rank"], ((Guid)r["id"]!).ToString("D"))).ToList();
        Assert.Contains(rows, r => r.Item1 is null);
        var nullsFirst = db.Store.Database.Dialect.NullsSortFirst != descending;
        var expected = rows
            .OrderBy(r => r.Item1 is null ? (nullsFirst ? 0 : 2) : 1)
            .ThenBy(r => descending ? -(r.Item1 ?? 0) : r.Item1 ?? 0)
            .ThenBy(r => r.Item2, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Keyset_paging_with_a_filter_and_selected_fields()
    {
        var options = new QueryOptions { Filter = PagingFilter + " and rank ne 3 and not (label eq null)", OrderBy = "label desc, rank", Select = "label" };
        var (_, all) = await db.ListAsync("item", options with { Top = "1000" });
        var paged = await PageThroughAsync(options with { Top = "50" });
        Assert.True(all.Rows.Count > 300);
        Assert.Equal(all.Rows.Select(r => (Guid)r["id"]!), paged);
    }

    [Fact]
    public async Task Skip_pages_by_offset()
    {
        var (_, all) = await db.ListAsync("item", new QueryOptions { Filter = PagingFilter, OrderBy = "rank", Top = "1000" });
        var (_, page) = await db.ListAsync("item", new QueryOptions { Filter = PagingFilter, OrderBy = "rank", Skip = "490", Top = "37" });
        Assert.False(page.HasMore);
        Assert.Equal(all.Rows.Skip(490).Select(r => r["id"]), page.Rows.Select(r => r["id"]));
    }

    [Fact]
    public async Task The_default_count_stops_at_the_cap_and_exact_counts_everything()
    {
        var (_, capped) = await db.ListAsync("item", new QueryOptions { Count = "true" });
        Assert.Equal(1000, capped.Count);
        Assert.True(capped.CountIsCapped);
        Assert.Equal("1,000+", CountLabel(capped));
        Assert.Equal(QueryLimits.DefaultTop, capped.Rows.Count);

        var (_, exact) = await db.ListAsync("item", new QueryOptions { Count = "exact", Top = "0" });
        Assert.Equal(SeedData.ItemRows, exact.Count);
        Assert.False(exact.CountIsCapped);
        Assert.Equal("1,500", CountLabel(exact));
        Assert.Empty(exact.Rows);

        var (_, filtered) = await db.ListAsync("item", new QueryOptions { Filter = PagingFilter, Count = "true" });
        Assert.Equal(SeedData.PagingRows, filtered.Count);
        Assert.False(filtered.CountIsCapped);

        var (_, none) = await db.ListAsync("item", new QueryOptions());
        Assert.Null(none.Count);
    }

    [Fact]
    public async Task Select_returns_the_asked_fields_and_the_id()
    {
        var (_, page) = await db.ListAsync("opportunity", new QueryOptions { Filter = "name eq 'Alpha deal'", Select = "name,tags,amount", Expand = "account" });
        var row = Assert.Single(page.Rows);
        Assert.Equal("Alpha deal", row["name"]);
        Assert.Equal(new[] { "hot", "vip" }, (string[])row["tags"]!);
        Assert.Equal(1500.00m, row["amount"]);
        Assert.Equal(SeedData.Acme, row["account"]);
        Assert.IsType<Guid>(row["id"]);
        Assert.False(row.ContainsKey("description"));
    }

    private async Task<List<string>> NamesAsync(string filter)
    {
        var (_, page) = await db.ListAsync("opportunity", new QueryOptions { Filter = filter, Top = "1000" });
        return page.Rows.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal).ToList();
    }

    private async Task AssertOpportunitiesIntactAsync()
    {
        var (_, page) = await db.ListAsync("opportunity", new QueryOptions { Count = "exact", Top = "0" });
        Assert.Equal(SeedData.OpportunityNames.Count, page.Count);
    }

    private async Task<List<Guid>> PageThroughAsync(QueryOptions options)
    {
        var ids = new List<Guid>();
        string? token = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var (query, page) = await db.ListAsync("item", options with { SkipToken = token });
            ids.AddRange(page.Rows.Select(r => (Guid)r["id"]!));
            token = ContinuationToken.Next(query, page);
            if (token is null) return ids;
        }
        throw new InvalidOperationException("Paging did not end.");
    }

    private static string CountLabel(RecordPage page) =>
        page.Count!.Value.ToString("N0", CultureInfo.InvariantCulture) + (page.CountIsCapped ? "+" : "");
}

public sealed class SqliteQueryIntegrationTests(SqliteQueryDatabase db) : QueryIntegrationTests<SqliteQueryDatabase>(db);

public sealed class PostgresQueryIntegrationTests(PostgresQueryDatabase db) : QueryIntegrationTests<PostgresQueryDatabase>(db);
