using Platform.Querying.Apply;
using Platform.Querying.Tests.Support;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.Storage.Records.Aggregates;

namespace Platform.Querying.Tests;

/// <summary>$apply into an <see cref="AggregateQuery"/>, and that query as SQL text per database.</summary>
public sealed class ApplyTranslationTests
{
    private static ApplyTranslation Translate(string apply, string? filter = null, string? orderBy = null, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new ApplyTranslator(TestModel.Physical(provider)).Translate("opportunity", new QueryOptions { Apply = apply, Filter = filter, OrderBy = orderBy });

    private static string Sql(string apply, DatabaseProvider provider, string? orderBy = null)
    {
        var translation = Translate(apply, orderBy: orderBy, provider: provider);
        Assert.True(translation.Succeeded, string.Join("; ", translation.Errors.Select(e => e.Message)));
        var model = TestModel.Physical(provider);
        return new AggregateSqlWriter(model.Table("opportunity"), SqlDialect.For(provider), model, "t1").Select(translation.Query, new SqlParameterList());
    }

    [Fact]
    public void Filter_steps_and_the_filter_option_are_anded_before_grouping()
    {
        var translation = Translate("filter(score gt 1)/filter(is_won)/groupby((stage),aggregate(amount with sum as total,$count as n))", filter: "score lt 9");

        Assert.True(translation.Succeeded);
        var query = translation.Query;
        Assert.IsType<AndNode>(query.Filter);
        Assert.Equal([new GroupKey("stage", "stage")], query.GroupBy);
        Assert.Equal([new AggregateTerm("total", AggregateMethod.Sum, "amount"), new AggregateTerm("n", AggregateMethod.Count, null)], query.Aggregates);
        Assert.Equal(QueryLimits.MaxTop, query.Top);
    }

    [Fact]
    public void Computed_date_parts_become_group_keys()
    {
        var query = Translate("compute(year(closed_at) as y, month(close_date) as m)/groupby((y,m))", orderBy: "y desc").Query!;

        Assert.Equal([new GroupKey("y", "closed_at", DatePart.Year), new GroupKey("m", "close_date", DatePart.Month)], query.GroupBy);
        Assert.Equal([new AggregateOrder("y", true)], query.OrderBy);
    }

    [Fact]
    public void Sql_server_groups_with_datepart_and_pages_with_offset_fetch()
    {
        var sql = Sql("compute(year(closed_at) as y)/groupby((y,stage),aggregate(score with average as a, account with countdistinct as c))",
            DatabaseProvider.SqlServer, orderBy: "a desc");

        Assert.Equal(
            "SELECT CAST(DATEPART(year, [closed_at]) AS bigint), [stage], AVG(CAST([score] AS decimal(38, 10))), COUNT(DISTINCT [account]) " +
            "FROM [t1].[opportunity] GROUP BY CAST(DATEPART(year, [closed_at]) AS bigint), [stage] " +
            "ORDER BY AVG(CAST([score] AS decimal(38, 10))) DESC, CAST(DATEPART(year, [closed_at]) AS bigint), [stage] OFFSET 0 ROWS FETCH NEXT 1001 ROWS ONLY",
            sql);
    }

    [Fact]
    public void Postgres_reads_utc_date_parts_and_puts_nulls_first()
    {
        var sql = Sql("compute(month(closed_at) as m)/groupby((m),aggregate(amount with sum as s))", DatabaseProvider.Postgres);

        Assert.Equal(
            "SELECT CAST(EXTRACT(MONTH FROM closed_at AT TIME ZONE 'UTC') AS bigint), SUM(amount) FROM t1.opportunity " +
            "GROUP BY CAST(EXTRACT(MONTH FROM closed_at AT TIME ZONE 'UTC') AS bigint) " +
            "ORDER BY CAST(EXTRACT(MONTH FROM closed_at AT TIME ZONE 'UTC') AS bigint) NULLS FIRST LIMIT 1001",
            sql);
    }

    [Fact]
    public void Aggregate_alone_is_one_row_without_paging()
    {
        Assert.Equal("SELECT COUNT(*), MIN(\"close_date\") FROM \"opportunity\"", Sql("aggregate($count as n, close_date with min as first)", DatabaseProvider.Sqlite));
    }

    [Theory]
    [InlineData("groupby((stage))/groupby((score))", "position 17")]
    [InlineData("aggregate(tags with countdistinct as t)", "custom")]
    [InlineData("groupby((stage))/compute(year(close_date) as y)", "position 17")]
    [InlineData("filter(score gt 1)/expand(account)/aggregate($count as n)", "'expand' at position 19")]
    [InlineData("aggregate(is_won with sum as t)", "cannot be aggregated with sum")]
    [InlineData("groupby((stage),aggregate($count as stage))", "used twice")]
    [InlineData("compute(year(name) as y)/groupby((y))", "No function signature")]
    [InlineData("groupby((nope))", "nope")]
    public void Shapes_that_cannot_run_as_one_group_by_are_refused(string apply, string expected)
    {
        var translation = Translate(apply);

        Assert.False(translation.Succeeded);
        Assert.Contains(translation.Errors, e => e.Parameter == "$apply" && e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_plain_list_translator_refuses_apply()
    {
        var translation = TestModel.Translator().Translate("opportunity", new QueryOptions { Apply = "aggregate($count as n)" });

        Assert.Contains(translation.Errors, e => e.Parameter == "$apply");
    }
}
