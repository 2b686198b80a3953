using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>$apply on the list endpoint: grouped reads run in the database, bounded by the reader like every read.</summary>
public abstract partial class ApiTests
{
    private static string ApplyScreensModule => Path.Combine(RepositoryPaths.Root, "tests", "Platform.Api.Tests", "Modules", "screens");

    /// <summary>A tenant with six opportunities over two accounts (one without amount, one without probability).</summary>
    private async Task<(string Tenant, Guid Acme, Guid Globex)> ApplyTenantAsync()
    {
        var tenant = await Host.CreateTenantAsync();
        var acme = await CreateAccountAsync(tenant, "Acme");
        var globex = await CreateAccountAsync(tenant, "Globex");
        object[] deals =
        [
            new { name = "A1", account = acme, stage = "won", amount = 1000.25m, probability = 100, close_date = "2026-01-15" },
            new { name = "A2", account = acme, stage = "won", amount = 2000.50m, probability = 100, close_date = "2026-01-31" },
            new { name = "A3", account = globex, stage = "won", amount = 500m, probability = 100, close_date = "2026-02-01" },
            new { name = "P1", account = acme, stage = "prospecting", amount = 300m, probability = 20 },
            new { name = "P2", account = globex, stage = "prospecting", probability = 10 },
            new { name = "L1", account = globex, stage = "lost", amount = 50m },
        ];
        foreach (var deal in deals) await CreateAsync(tenant, "opportunity", deal);
        return (tenant, acme, globex);
    }

    private static Dictionary<string, JsonElement> Row(JsonElement row) => row.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

    [Fact]
    public async Task Apply_groups_and_sums_after_filter_and_sorts_by_alias()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var page = await ListAsync(tenant, "opportunity",
            ("$apply", "filter(stage ne 'lost')/groupby((stage),aggregate(amount with sum as total, $count as n))"), ("$orderby", "total desc"));

        var rows = page.Values();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["stage", "total", "n"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("won", rows[0].Str("stage"));
        Assert.Equal(3500.75m, rows[0].GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Number, rows[0].GetProperty("total").ValueKind);
        Assert.Equal(3, rows[0].GetProperty("n").GetInt64());
        Assert.Equal("prospecting", rows[1].Str("stage"));
        Assert.Equal(300m, rows[1].GetProperty("total").GetDecimal());
        Assert.Equal(2, rows[1].GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task Apply_dashboard_contract_filter_groupby_sum()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var page = await ListAsync(tenant, "opportunity",
            ("$filter", "probability ge 20"), ("$apply", "filter(stage eq 'won')/groupby((stage),aggregate(amount with sum as total))"));

        var row = Assert.Single(page.Values());
        Assert.Equal("won", row.Str("stage"));
        Assert.Equal(3500.75m, row.GetProperty("total").GetDecimal());
        Assert.False(page.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Apply_computes_year_and_month_of_a_date_and_groups_by_them()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var page = await ListAsync(tenant, "opportunity",
            ("$apply", "filter(stage eq 'won')/compute(year(close_date) as year, month(close_date) as month)/groupby((year,month),aggregate(amount with sum as won))"),
            ("$orderby", "year,month"));

        var rows = page.Values().Select(r => (r.GetProperty("year").GetInt64(), r.GetProperty("month").GetInt64(), r.GetProperty("won").GetDecimal())).ToList();
        Assert.Equal([(2026L, 1L, 3000.75m), (2026L, 2L, 500m)], rows);

        // A date-time's parts are its UTC parts: every record was created this month.
        var created = Assert.Single((await ListAsync(tenant, "opportunity",
            ("$apply", "compute(year(created_at) as y, month(created_at) as m, day(created_at) as d)/groupby((y,m),aggregate($count as n))"))).Values());
        Assert.Equal(DateTime.UtcNow.Year, created.GetProperty("y").GetInt64());
        Assert.Equal(DateTime.UtcNow.Month, created.GetProperty("m").GetInt64());
        Assert.Equal(6, created.GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task Apply_aggregate_alone_answers_one_row_with_every_method()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var page = await ListAsync(tenant, "opportunity", ("$apply",
            "aggregate($count as n, amount with sum as total, amount with average as mean, amount with min as lo, amount with max as hi, " +
            "account with countdistinct as accounts, close_date with max as last, probability with sum as p)"));

        var row = Row(Assert.Single(page.Values()));
        Assert.Equal(6, row["n"].GetInt64());
        Assert.Equal(3850.75m, row["total"].GetDecimal());
        Assert.Equal(770.15m, row["mean"].GetDecimal());
        Assert.Equal(50m, row["lo"].GetDecimal());
        Assert.Equal(2000.5m, row["hi"].GetDecimal());
        Assert.Equal(2, row["accounts"].GetInt64());
        Assert.Equal("2026-02-01", row["last"].GetString());
        Assert.Equal(330, row["p"].GetInt64());

        // No rows: the count is 0 and the sums are null.
        var empty = Row(Assert.Single((await ListAsync(tenant, "opportunity",
            ("$filter", "name eq 'none'"), ("$apply", "aggregate($count as n, amount with sum as total)"))).Values()));
        Assert.Equal(0, empty["n"].GetInt64());
        Assert.Equal(JsonValueKind.Null, empty["total"].ValueKind);
    }

    [Fact]
    public async Task Apply_groups_lookups_by_id_and_null_values_as_null()
    {
        var (tenant, acme, globex) = await ApplyTenantAsync();

        var byAccount = (await ListAsync(tenant, "opportunity", ("$apply", "groupby((account),aggregate($count as n))"), ("$orderby", "n desc,account")))
            .Values().Select(r => (Guid.Parse(r.Str("account")), r.GetProperty("n").GetInt64())).ToHashSet();
        Assert.Equal([(acme, 3L), (globex, 3L)], byAccount);

        var byProbability = (await ListAsync(tenant, "opportunity", ("$apply", "groupby((probability))"))).Values();
        Assert.Equal(JsonValueKind.Null, byProbability[0].GetProperty("probability").ValueKind); // nulls first ascending
        Assert.Equal([10L, 20L, 100L], byProbability.Skip(1).Select(r => r.GetProperty("probability").GetInt64()));
    }

    [Fact]
    public async Task Apply_pages_groups_with_top_skip_next_link_and_count()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var first = await ListAsync(tenant, "opportunity", ("$apply", "groupby((name))"), ("$top", "4"), ("$count", "true"));
        Assert.Equal(6, first.GetProperty("@odata.count").GetInt64());
        Assert.Equal(["A1", "A2", "A3", "L1"], first.Values().Select(r => r.Str("name")));
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        Assert.Contains("%24skip=4", next.Replace("$skip", "%24skip"));

        var second = await ExpectAsync(await Client.GetAsync(next), HttpStatusCode.OK);
        Assert.Equal(["P1", "P2"], second.Values().Select(r => r.Str("name")));
        Assert.False(second.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Apply_aggregates_only_the_rows_the_reader_may_read()
    {
        var (tenant, _, _) = await ApplyTenantAsync();
        // A salesperson in no team reads their own records only.
        var (sally, _) = await Host.CreateUserClientAsync(tenant, "sally", roles: ["salesperson"]);
        var own = (await ExpectAsync(await sally.PostAsync(Data(tenant, "account"), Body(new { name = "Sally's" })), HttpStatusCode.Created)).Id();
        await ExpectAsync(await sally.PostAsync(Data(tenant, "opportunity"), Body(new { name = "S1", account = own, amount = 70m })), HttpStatusCode.Created);

        var asSally = Row(Assert.Single((await ExpectAsync(await sally.GetAsync(List(tenant, "opportunity",
            ("$apply", "aggregate($count as n, amount with sum as total)"))), HttpStatusCode.OK)).Values()));
        Assert.Equal(1, asSally["n"].GetInt64());
        Assert.Equal(70m, asSally["total"].GetDecimal());

        var asAdmin = Row(Assert.Single((await ListAsync(tenant, "opportunity", ("$apply", "aggregate($count as n)"))).Values()));
        Assert.Equal(7, asAdmin["n"].GetInt64());
        // The admin's records are out of her sight: no group of theirs shows.
        var stages = (await ExpectAsync(await sally.GetAsync(List(tenant, "opportunity", ("$apply", "groupby((stage))"))), HttpStatusCode.OK)).Values();
        Assert.Equal(["prospecting"], stages.Select(r => r.Str("stage")));
    }

    [Fact]
    public async Task Apply_filters_on_the_record_a_lookup_points_to()
    {
        var (tenant, _, _) = await ApplyTenantAsync();

        var inApply = Row(Assert.Single((await ListAsync(tenant, "opportunity",
            ("$apply", "filter(account/name eq 'Acme')/aggregate($count as n, amount with sum as total)"))).Values()));
        var inOption = Row(Assert.Single((await ListAsync(tenant, "opportunity",
            ("$filter", "account/name eq 'Globex'"), ("$apply", "aggregate($count as n)"))).Values()));

        Assert.Equal(3, inApply["n"].GetInt64());
        Assert.Equal(3300.75m, inApply["total"].GetDecimal());
        Assert.Equal(3, inOption["n"].GetInt64());
    }

    [Fact]
    public async Task Apply_over_an_entity_the_reader_may_not_read_counts_nothing()
    {
        var tenant = await Host.CreateTenantAsync(ApplyScreensModule);
        await CreateAsync(tenant, "lead", new { full_name = "Jane Doe", company = "Initech" });
        var (clerk, _) = await Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]);

        var page = await ExpectAsync(await clerk.GetAsync(List(tenant, "lead", ("$apply", "aggregate($count as n)"))), HttpStatusCode.OK);

        Assert.Equal(0, Row(Assert.Single(page.Values()))["n"].GetInt64());
    }

    [Theory]
    [InlineData("opportunity", "groupby((stage),aggregate(amount with sum as total))", "amount")]
    [InlineData("opportunity", "groupby((amount))", "amount")]
    [InlineData("opportunity", "aggregate(amount with countdistinct as c)", "amount")]
    [InlineData("contact", "compute(year(birthday) as y)/groupby((y))", "birthday")]
    [InlineData("contact", "groupby((email))", "email")]
    [InlineData("contact", "filter(email eq 'a@b.c')/aggregate($count as n)", "email")]
    public async Task Apply_refuses_fields_hidden_or_masked_for_the_reader(string entity, string apply, string field)
    {
        var tenant = await Host.SharedAsync("screens", () => Host.CreateTenantAsync(ApplyScreensModule));
        var (clerk, _) = await Host.SharedAsync("screens-clerk", () => Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]));

        var problem = await ExpectProblemAsync(await clerk.GetAsync(List(tenant, entity, ("$apply", apply))), HttpStatusCode.BadRequest);

        Assert.Contains($"'{field}'", problem.Str("detail"));
        Assert.Contains("for your roles", problem.Str("detail"));
    }

    [Theory]
    [InlineData("aggregate(weight with sum as w)")]
    [InlineData("groupby((diagnosis))")]
    [InlineData("compute(year(born) as y)/groupby((y))")]
    public async Task Apply_refuses_encrypted_fields(string apply)
    {
        var tenant = await Host.SharedAsync("health", () => Host.CreateTenantAsync(HealthModule));

        var problem = await ExpectProblemAsync(await Client.GetAsync(List(tenant, "patient_note", ("$apply", apply))), HttpStatusCode.BadRequest);

        Assert.Contains("encrypted", problem.Str("detail"));
    }

    [Theory]
    [InlineData("groupby((stage), aggregate(amount with sum as total)", "position 52")]
    [InlineData("topcount(2, amount)", "position 0")]
    [InlineData("groupby((stage))/compute(year(close_date) as y)", "position 17")]
    [InlineData("groupby((stage))/filter(amount gt 5)", "amount")]
    [InlineData("groupby((stage),aggregate($count as n))/filter(n gt 'x')", "cannot be compared with 'n'")]
    [InlineData("filter(stage eq 'won')", "must end with groupby")]
    [InlineData("groupby((stage),aggregate(name with sum as s))", "cannot be aggregated with sum")]
    [InlineData("compute(length(name) as l)/groupby((l))", "position 0")]
    [InlineData("groupby((tags))", "tags")]
    [InlineData("groupby((account/name))", "lookup itself")]
    public async Task Apply_refuses_what_it_cannot_run_with_a_problem_naming_the_place(string apply, string expected)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var problem = await ExpectProblemAsync(await Client.GetAsync(List(tenant, "opportunity", ("$apply", apply))), HttpStatusCode.BadRequest);

        Assert.Equal("$apply", problem.GetProperty("errors")[0].Str("parameter"));
        Assert.Contains(expected, problem.Str("detail"));
    }

    [Theory]
    [InlineData("$orderby", "amount desc", "not a value of the $apply result")]
    [InlineData("$select", "name", "cannot be combined")]
    [InlineData("$top", "1001", "at most")]
    public async Task Apply_options_refer_to_the_result(string option, string value, string expected)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var problem = await ExpectProblemAsync(await Client.GetAsync(List(tenant, "opportunity",
            ("$apply", "groupby((stage),aggregate(amount with sum as total))"), (option, value))), HttpStatusCode.BadRequest);

        Assert.Equal(option, problem.GetProperty("errors")[0].Str("parameter"));
        Assert.Contains(expected, problem.Str("detail"));
    }

    [Fact]
    public async Task Apply_sees_only_the_requested_tenants_records()
    {
        var (tenant, _, _) = await ApplyTenantAsync();
        var other = await Host.CreateTenantAsync();
        await CreateAsync(other, "opportunity", new { name = "Other", account = await CreateAccountAsync(other), amount = 1m });

        var mine = Row(Assert.Single((await ListAsync(tenant, "opportunity", ("$apply", "aggregate($count as n)"))).Values()));
        var theirs = Row(Assert.Single((await ListAsync(other, "opportunity", ("$apply", "aggregate($count as n)"))).Values()));

        Assert.Equal(6, mine["n"].GetInt64());
        Assert.Equal(1, theirs["n"].GetInt64());
        // A user of one tenant cannot aggregate another's.
        var (sally, _) = await Host.CreateUserClientAsync(tenant, "sally", roles: ["salesperson"]);
        Assert.NotEqual(HttpStatusCode.OK, (await sally.GetAsync(List(other, "opportunity", ("$apply", "aggregate($count as n)")))).StatusCode);
    }

    [Fact]
    public async Task Apply_is_documented_on_the_list_operation()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);

        var parameters = document.GetProperty("paths").GetProperty("/data/opportunity").GetProperty("get").GetProperty("parameters");
        Assert.Contains(parameters.EnumerateArray(), p => p.Str("name") == "$apply");
    }
}
