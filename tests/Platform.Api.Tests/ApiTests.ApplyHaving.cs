using System.Net;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>$apply's filter() after groupby()/aggregate(): groups kept by their values (HAVING), in the database.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task Apply_filter_after_groupby_keeps_groups_by_their_aggregates_and_counts_only_those()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var page = await ListAsync(tenant, "opportunity",
            ("$apply", "groupby((stage),aggregate(amount with sum as total,$count as n))/filter(total gt 1000.5 and n ge 2)"), ("$count", "true"));

        var row = Row(Assert.Single(page.Values()));
        Assert.Equal("won", row["stage"].GetString());
        Assert.Equal(3500.75m, row["total"].GetDecimal());
        Assert.Equal(1, page.GetProperty("@odata.count").GetInt64());
    }

    [Theory]
    // Sums compare exactly at the column's scale (SQLite keeps decimals as scaled integers).
    [InlineData("groupby((stage),aggregate(amount with sum as total))/filter(total eq 3500.75)", new[] { "won" })]
    [InlineData("groupby((stage),aggregate(amount with sum as total))/filter(300 lt total)", new[] { "won" })]
    [InlineData("groupby((stage),aggregate(amount with average as avg))/filter(avg lt 1000)", new[] { "lost", "prospecting" })]
    [InlineData("groupby((stage),aggregate(amount with min as low))/filter(low ge 300)", new[] { "prospecting", "won" })]
    [InlineData("groupby((stage),aggregate(probability with max as top))/filter(top eq null)", new[] { "lost" })]
    // OData's two-valued logic: a null maximum is not 100, so "not (top eq 100)" keeps it.
    [InlineData("groupby((stage),aggregate(probability with max as top))/filter(not (top eq 100))", new[] { "lost", "prospecting" })]
    [InlineData("groupby((stage),aggregate($count as n))/filter(stage ne 'won' and not (n eq 1))", new[] { "prospecting" })]
    [InlineData("groupby((stage),aggregate($count as n))/filter(n eq 1 or stage eq 'won')", new[] { "lost", "won" })]
    [InlineData("groupby((stage),aggregate(account with countdistinct as accounts))/filter(accounts eq 1)", new[] { "lost" })]
    [InlineData("groupby((stage),aggregate($count as n))/filter(n ge 2)/filter(stage eq 'prospecting')", new[] { "prospecting" })]
    public async Task Apply_filter_after_groupby_compares_each_kind_of_result_value(string apply, string[] stages)
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var page = await ListAsync(tenant, "opportunity", ("$apply", apply), ("$orderby", "stage"));

        Assert.Equal(stages, page.Values().Select(r => r.Str("stage")));
    }

    [Fact]
    public async Task Apply_filter_after_compute_and_groupby_compares_a_date_part()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var page = await ListAsync(tenant, "opportunity",
            ("$apply", "filter(close_date ne null)/compute(month(close_date) as month)/groupby((month),aggregate($count as n))/filter(month gt 1)"));

        var row = Row(Assert.Single(page.Values()));
        Assert.Equal(2, row["month"].GetInt64());
        Assert.Equal(1, row["n"].GetInt64());
    }

    [Fact]
    public async Task Apply_filter_after_aggregate_alone_answers_no_row_when_the_total_fails_it()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var kept = await ListAsync(tenant, "opportunity", ("$apply", "aggregate(amount with sum as total)/filter(total gt 100)"), ("$count", "true"));
        var dropped = await ListAsync(tenant, "opportunity", ("$apply", "aggregate(amount with sum as total)/filter(total gt 1000000)"), ("$count", "true"));

        Assert.Equal(3850.75m, Row(Assert.Single(kept.Values()))["total"].GetDecimal());
        Assert.Equal(1, kept.GetProperty("@odata.count").GetInt64());
        Assert.Empty(dropped.Values());
        Assert.Equal(0, dropped.GetProperty("@odata.count").GetInt64());
    }

    [Fact]
    public async Task Apply_filter_after_groupby_pages_with_the_condition_kept_in_the_next_link()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var first = await ListAsync(tenant, "opportunity",
            ("$apply", "groupby((name),aggregate($count as n))/filter(name ne 'A2')"), ("$top", "3"), ("$count", "true"));
        var second = await ExpectAsync(await Client.GetAsync(first.GetProperty("@odata.nextLink").GetString()), HttpStatusCode.OK);

        Assert.Equal(5, first.GetProperty("@odata.count").GetInt64());
        Assert.Equal(["A1", "A3", "L1"], first.Values().Select(r => r.Str("name")));
        Assert.Equal(["P1", "P2"], second.Values().Select(r => r.Str("name")));
    }

    [Fact]
    public async Task Apply_filter_after_groupby_sees_only_the_groups_of_records_the_reader_may_read()
    {
        var (tenant, _, _) = await ApplyTenantAsync();
        var (sally, _) = await Host.CreateUserClientAsync(tenant, "sally", roles: ["salesperson"]);
        var own = (await ExpectAsync(await sally.PostAsync(Data(tenant, "account"), Body(new { name = "Sally's" })), HttpStatusCode.Created)).Id();
        await ExpectAsync(await sally.PostAsync(Data(tenant, "opportunity"), Body(new { name = "S1", account = own, stage = "won", amount = 70m, close_date = "2026-03-01" })), HttpStatusCode.Created);
        const string apply = "groupby((stage),aggregate(amount with sum as total))/filter(total gt 50)";

        var asSally = (await ExpectAsync(await sally.GetAsync(List(tenant, "opportunity", ("$apply", apply))), HttpStatusCode.OK)).Values();
        var asAdmin = (await ListAsync(tenant, "opportunity", ("$apply", apply), ("$orderby", "stage"))).Values();

        Assert.Equal(70m, Row(Assert.Single(asSally))["total"].GetDecimal());
        Assert.Equal(["prospecting", "won"], asAdmin.Select(r => r.Str("stage")));
        Assert.Equal(3570.75m, Row(asAdmin[1])["total"].GetDecimal());
    }

    [Fact]
    public async Task Apply_filter_after_groupby_cannot_probe_a_masked_field()
    {
        var tenant = await Host.SharedAsync("screens", () => Host.CreateTenantAsync(ApplyScreensModule));
        var (clerk, _) = await Host.SharedAsync("screens-clerk", () => Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]));

        var problem = await ExpectProblemAsync(await clerk.GetAsync(List(tenant, "opportunity",
            ("$apply", "groupby((stage),aggregate(amount with max as top))/filter(top gt 1000)"))), HttpStatusCode.BadRequest);

        Assert.Contains("'amount'", problem.Str("detail"));
        Assert.Contains("for your roles", problem.Str("detail"));
    }
}
