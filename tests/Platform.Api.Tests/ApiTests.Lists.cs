using System.Net;
using System.Text.Json;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>GET lists: $filter, $orderby, $top/$skip, $select, $expand, $count, keyset paging, bad and hostile options.</summary>
public abstract partial class ApiTests
{
    private sealed record Account(string Name, string Tier, long? Employees, string? City, decimal? Revenue);

    /// <summary>Names start with distinct capitals, so every collation sorts them alike.</summary>
    private static readonly Account[] Accounts =
    [
        new("Alpha Corp", "vip", 10, "Berlin", 100.00m),
        new("Beta Ltd", "regular", 20, "Paris", 200.50m),
        new("Gamma Inc", "potential", 30, null, null),
        new("Delta GmbH", "vip", 40, "Berlin", 400.00m),
        new("Epsilon SA", "regular", 50, "Madrid", null),
        new("Zeta alpha Co", "potential", null, "Rome", 50.00m),
        new("Kappa LLC", "vip", 70, null, 7000.25m),
        new("Lambda AG", "regular", 20, "Paris", 0.00m),
        new("Omega Ltd", "potential", 90, "Vienna", 900.00m),
        new("Sigma BV", "regular", null, "Berlin", 300.00m),
    ];

    private const int LeadCount = 1200;

    /// <summary>A tenant read by the list tests: the accounts above, opportunities of Alpha and Beta, 1,200 leads.</summary>
    private sealed record ListData(string Tenant, IReadOnlyDictionary<string, Guid> AccountIds, IReadOnlyList<Guid> LeadIds);

    private Task<ListData> ListDataAsync() => Host.SharedAsync("lists", async () =>
    {
        var tenant = await Host.CreateTenantAsync();
        var accounts = new Dictionary<string, Guid>();
        foreach (var a in Accounts)
            accounts[a.Name] = (await CreateAsync(tenant, "account", new { name = a.Name, tier = a.Tier, employees = a.Employees, city = a.City, annual_revenue = a.Revenue })).Id();
        await CreateAsync(tenant, "opportunity", new { name = "Alpha renewal", account = accounts["Alpha Corp"], amount = 1000 });
        await CreateAsync(tenant, "opportunity", new { name = "Alpha upsell", account = accounts["Alpha Corp"], amount = 500 });
        await CreateAsync(tenant, "opportunity", new { name = "Beta pilot", account = accounts["Beta Ltd"], amount = 250 });

        // Sources and values repeat and are sometimes null, so keyset paging meets ties and nulls.
        var sources = new[] { "web", "referral", "event", "cold_call", "other" };
        var leads = Enumerable.Range(0, LeadCount).Select(i => new
        {
            full_name = $"Lead {i:0000}",
            source = i % 7 == 0 ? null : sources[i % 5],
            estimated_value = i % 11 == 0 ? (decimal?)null : i % 13 * 100m,
        }).ToList();
        var ids = new List<Guid>();
        foreach (var chunk in leads.Chunk(1000))
        {
            var result = await BulkAsync(tenant, "lead", new { records = chunk });
            ids.AddRange(result.GetProperty("ids").EnumerateArray().Select(i => Guid.Parse(i.GetString()!)));
        }
        return new ListData(tenant, accounts, ids);
    });

    private static readonly Dictionary<string, Func<Account, bool>> FilterCases = new()
    {
        ["tier eq 'vip'"] = a => a.Tier == "vip",
        ["tier ne 'vip'"] = a => a.Tier != "vip",
        ["city ne 'Berlin'"] = a => a.City != "Berlin",
        ["employees gt 20"] = a => a.Employees > 20,
        ["employees ge 20"] = a => a.Employees >= 20,
        ["employees lt 30"] = a => a.Employees < 30,
        ["employees le 30"] = a => a.Employees <= 30,
        ["annual_revenue ge 200.5"] = a => a.Revenue >= 200.5m,
        ["annual_revenue lt 100"] = a => a.Revenue < 100m,
        ["city in ('Berlin','Rome')"] = a => a.City is "Berlin" or "Rome",
        ["tier in ('potential')"] = a => a.Tier == "potential",
        ["employees in (20, 70, 999)"] = a => a.Employees is 20 or 70,
        ["annual_revenue in (200.5, 0, 7000.25)"] = a => a.Revenue is 200.50m or 0m or 7000.25m,
        ["city in ('Rome', null)"] = a => a.City is "Rome" or null,
        ["contains(name,'ALPHA')"] = a => a.Name.Contains("alpha", StringComparison.OrdinalIgnoreCase),
        ["contains(name,'a C')"] = a => a.Name.Contains("a C", StringComparison.OrdinalIgnoreCase),
        ["startswith(name,'be')"] = a => a.Name.StartsWith("be", StringComparison.OrdinalIgnoreCase),
        ["city eq null"] = a => a.City is null,
        ["city ne null"] = a => a.City is not null,
        ["employees eq null"] = a => a.Employees is null,
        ["tier eq 'vip' and employees gt 10"] = a => a.Tier == "vip" && a.Employees > 10,
        ["city eq 'Paris' or city eq 'Madrid'"] = a => a.City is "Paris" or "Madrid",
        ["not (tier eq 'vip')"] = a => a.Tier != "vip",
        ["not (tier eq 'vip' or tier eq 'regular') and city ne null"] = a => a.Tier == "potential" && a.City is not null,
        ["(city eq 'Berlin' or employees ge 70) and not startswith(name,'S')"] = a => (a.City == "Berlin" || a.Employees >= 70) && !a.Name.StartsWith('S'),
    };

    public static TheoryData<string> Filters => new(FilterCases.Keys);

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filter_returns_exactly_the_matching_records(string filter)
    {
        var data = await ListDataAsync();

        var page = await ListAsync(data.Tenant, "account", ("$filter", filter), ("$top", "1000"));

        var expected = Accounts.Where(FilterCases[filter]).Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.Values().Select(r => r.Str("name")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("contains(name,'MÜLLER')", "Müller Straße GmbH")]
    [InlineData("contains(name,'straße')", "Müller Straße GmbH")]
    [InlineData("startswith(name,'école')", "ÉCOLE Privée")]
    [InlineData("endswith(name,'PRIVÉE')", "ÉCOLE Privée")]
    [InlineData("contains(name,'ölw')", "Ölwerke Łódź")]
    [InlineData("contains(name,'ŁÓDŹ')", "Ölwerke Łódź")]
    public async Task Text_matches_ignore_case_beyond_ascii(string filter, string expected)
    {
        var tenant = await Host.CreateTenantAsync();
        foreach (var name in new[] { "Müller Straße GmbH", "ÉCOLE Privée", "Ölwerke Łódź", "Mueller Strasse" }) await CreateAccountAsync(tenant, name);

        var page = await ListAsync(tenant, "account", ("$filter", filter));

        Assert.Equal([expected], page.Values().Select(r => r.Str("name")));
    }

    [Theory]
    [InlineData("account/name eq 'Alpha Corp'", new[] { "Alpha renewal", "Alpha upsell" })]
    [InlineData("startswith(account/name,'alp')", new[] { "Alpha renewal", "Alpha upsell" })]
    [InlineData("account/city eq 'Paris'", new[] { "Beta pilot" })]
    [InlineData("account/employees in (20, 30)", new[] { "Beta pilot" })]
    [InlineData("not (account/name eq 'Alpha Corp')", new[] { "Beta pilot" })]
    [InlineData("account/tier eq 'vip' and account/city eq 'Berlin'", new[] { "Alpha renewal", "Alpha upsell" })]
    [InlineData("account/name eq 'Beta Ltd' or name eq 'Alpha upsell'", new[] { "Alpha upsell", "Beta pilot" })]
    [InlineData("name eq 'account/name'", new string[0])]
    public async Task Filter_follows_a_lookup_to_the_fields_of_the_record_it_points_to(string filter, string[] expected)
    {
        var data = await ListDataAsync();

        var page = await ListAsync(data.Tenant, "opportunity", ("$filter", filter));

        Assert.Equal(expected, page.Values().Select(r => r.Str("name")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pages_of_a_filter_through_a_lookup_follow_on_with_the_skiptoken()
    {
        var data = await ListDataAsync();
        const string filter = "account/name eq 'Alpha Corp'";

        var first = await ListAsync(data.Tenant, "opportunity", ("$filter", filter), ("$top", "1"), ("$orderby", "name"));
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        var second = await ExpectAsync(await Client.GetAsync(next), HttpStatusCode.OK);

        Assert.Equal(["Alpha renewal"], first.Values().Select(r => r.Str("name")));
        Assert.Equal(["Alpha upsell"], second.Values().Select(r => r.Str("name")));
    }

    [Theory]
    [InlineData("account/owner/user_name eq 'x'")]
    [InlineData("account/name eq name")]
    [InlineData("account/nope eq 1")]
    public async Task Filter_through_a_lookup_refuses_what_it_cannot_answer_with_a_400(string filter)
    {
        var data = await ListDataAsync();

        var response = await Client.GetAsync($"/api/{data.Tenant}/data/opportunity?$filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Filter_on_a_lookup_id_returns_the_records_pointing_at_it()
    {
        var data = await ListDataAsync();
        var alpha = data.AccountIds["Alpha Corp"];

        var page = await ListAsync(data.Tenant, "opportunity", ("$filter", $"account eq {alpha}"));

        Assert.Equal(["Alpha renewal", "Alpha upsell"], page.Values().Select(r => r.Str("name")).Order(StringComparer.Ordinal));
        Assert.All(page.Values(), r => Assert.Equal(alpha, Guid.Parse(r.Str("account"))));
    }

    public static TheoryData<string, string> Orders => new()
    {
        { "tier desc,name", "" },
        { "tier,employees desc,name desc", "employees ne null" },
        { "employees desc,name", "employees ne null" },
        { "annual_revenue", "annual_revenue ne null" },
        { "name desc", "" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Orderby_sorts_on_several_fields_in_each_direction(string orderby, string filter)
    {
        var data = await ListDataAsync();
        var options = new List<(string, string)> { ("$orderby", orderby) };
        if (filter.Length > 0) options.Add(("$filter", filter));

        var page = await ListAsync(data.Tenant, "account", [.. options]);

        // Nulls sort first on SQLite and last on PostgreSQL, so the sorts that meet nulls filter them out.
        IEnumerable<Account> rows = filter switch
        {
            "employees ne null" => Accounts.Where(a => a.Employees is not null),
            "annual_revenue ne null" => Accounts.Where(a => a.Revenue is not null),
            _ => Accounts,
        };
        IOrderedEnumerable<Account>? sorted = null;
        foreach (var term in orderby.Split(','))
        {
            var parts = term.Split(' ');
            var descending = parts.Length > 1 && parts[1] == "desc";
            Func<Account, object?> key = parts[0] switch
            {
                "tier" => a => a.Tier,
                "name" => a => a.Name,
                "employees" => a => a.Employees,
                "annual_revenue" => a => a.Revenue,
                _ => throw new ArgumentException(parts[0]),
            };
            var comparer = Comparer<object?>.Create((x, y) => x is string s ? string.CompareOrdinal(s, (string?)y) : Comparer<object?>.Default.Compare(x, y));
            sorted = sorted is null
                ? descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer)
                : descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer);
        }
        Assert.Equal(sorted!.Select(a => a.Name), page.Values().Select(r => r.Str("name")));
    }

    [Fact]
    public async Task Top_and_skip_return_one_window_of_the_order()
    {
        var data = await ListDataAsync();
        var names = Accounts.Select(a => a.Name).Order(StringComparer.Ordinal).ToList();

        var page = await ListAsync(data.Tenant, "account", ("$orderby", "name"), ("$top", "3"), ("$skip", "2"));

        Assert.Equal(names.Skip(2).Take(3), page.Values().Select(r => r.Str("name")));
        Assert.True(page.TryGetProperty("@odata.nextLink", out _));
        var last = await ListAsync(data.Tenant, "account", ("$orderby", "name"), ("$top", "5"), ("$skip", "8"));
        Assert.Equal(names.Skip(8), last.Values().Select(r => r.Str("name")));
        Assert.False(last.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Select_returns_only_the_id_and_the_selected_fields()
    {
        var data = await ListDataAsync();

        var page = await ListAsync(data.Tenant, "account", ("$select", "name,city"), ("$filter", "name eq 'Alpha Corp'"));

        var row = Assert.Single(page.Values());
        Assert.Equal(["id", "name", "city"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Alpha Corp", "Berlin"), (row.Str("name"), row.Str("city")));
    }

    [Fact]
    public async Task Expand_turns_a_lookup_into_the_referenced_record_with_its_selected_fields()
    {
        var data = await ListDataAsync();

        var page = await ListAsync(data.Tenant, "opportunity", ("$expand", "account($select=name)"), ("$orderby", "name"));

        Assert.Equal(["Alpha renewal", "Alpha upsell", "Beta pilot"], page.Values().Select(r => r.Str("name")));
        foreach (var row in page.Values())
        {
            var account = row.GetProperty("account");
            Assert.Equal(JsonValueKind.Object, account.ValueKind);
            Assert.Equal(["id", "name"], account.EnumerateObject().Select(p => p.Name));
            Assert.Equal(data.AccountIds[account.Str("name")], account.Id());
        }
        Assert.Equal("Beta Ltd", page.Values()[2].GetProperty("account").Str("name"));
    }

    [Fact]
    public async Task Count_true_stops_at_1000_and_says_so_and_count_exact_counts_every_row()
    {
        var data = await ListDataAsync();

        var capped = await ListAsync(data.Tenant, "lead", ("$count", "true"), ("$top", "1"));
        Assert.Equal(1000, capped.GetProperty("@odata.count").GetInt64());
        Assert.True(capped.GetProperty("@platform.countIsCapped").GetBoolean());

        var exact = await ListAsync(data.Tenant, "lead", ("$count", "exact"), ("$top", "1"));
        Assert.Equal(LeadCount, exact.GetProperty("@odata.count").GetInt64());
        Assert.False(exact.TryGetProperty("@platform.countIsCapped", out _));

        // Under the cap a default count is exact, and counts the filtered rows.
        var small = await ListAsync(data.Tenant, "account", ("$count", "true"), ("$filter", "tier eq 'vip'"), ("$top", "1"));
        Assert.Equal(3, small.GetProperty("@odata.count").GetInt64());
        Assert.False(small.TryGetProperty("@platform.countIsCapped", out _));
    }

    [Theory]
    [InlineData("source,estimated_value desc", 97)]
    [InlineData("estimated_value,source desc,full_name", 250)]
    [InlineData("", 1000)]
    public async Task Following_next_links_visits_every_row_exactly_once(string orderby, int top)
    {
        var data = await ListDataAsync();
        var options = new List<(string, string)> { ("$top", top.ToString()), ("$select", "full_name") };
        if (orderby.Length > 0) options.Add(("$orderby", orderby));

        var seen = new List<Guid>();
        var url = List(data.Tenant, "lead", [.. options]);
        var pages = 0;
        while (url is not null)
        {
            var page = await ExpectAsync(await Client.GetAsync(url), HttpStatusCode.OK);
            seen.AddRange(page.Values().Select(r => r.Id()));
            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            Assert.True(++pages <= LeadCount / top + 2, "The next links do not end.");
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(data.LeadIds.Order(), seen.Order());
        Assert.Equal((LeadCount + top - 1) / top, pages);
    }

    [Fact]
    public async Task Following_next_links_over_a_nullable_sort_field_visits_every_row_exactly_once()
    {
        var data = await ListDataAsync();

        var names = new List<string>();
        string? url = List(data.Tenant, "account", ("$orderby", "city desc"), ("$top", "3"));
        while (url is not null)
        {
            var page = await ExpectAsync(await Client.GetAsync(url), HttpStatusCode.OK);
            names.AddRange(page.Values().Select(r => r.Str("name")));
            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }

        Assert.Equal(Accounts.Select(a => a.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("$filter", "nosuchfield eq 1")]
    [InlineData("$filter", "name eq")]
    [InlineData("$filter", "employees eq 'many'")]
    [InlineData("$orderby", "nosuchfield desc")]
    [InlineData("$select", "name,nosuchfield")]
    [InlineData("$expand", "tier")]
    [InlineData("$top", "1001")]
    [InlineData("$count", "maybe")]
    [InlineData("$skiptoken", "not-a-token")]
    public async Task A_bad_query_option_is_a_400_problem_naming_the_option(string option, string value)
    {
        var data = await ListDataAsync();

        var problem = await ExpectProblemAsync(await Client.GetAsync(List(data.Tenant, "account", (option, value))), HttpStatusCode.BadRequest);

        Assert.Contains(option, problem.Str("detail"));
        Assert.Equal(option, Assert.Single(problem.GetProperty("errors").EnumerateArray()).Str("parameter"));
    }

    public static TheoryData<string, string> Injections => new()
    {
        { "$filter", "name eq 'x'' OR 1=1 --'" },
        { "$filter", "name eq 'x'; DROP TABLE account; --'" },
        { "$filter", "name eq 'x' or 1 eq 1; DROP TABLE account" },
        { "$filter", "contains(name,'%') or name eq 'x'') OR (''1''=''1'" },
        { "$filter", "startswith(name,'_')" },
        { "$filter", "1 eq 1) OR (1 eq 1" },
        { "$orderby", "name; DROP TABLE account" },
        { "$orderby", "name desc, (SELECT 1)" },
        { "$orderby", "CASE WHEN 1=1 THEN name END" },
        { "$select", "name,(select 1)" },
        { "$select", "name;DROP TABLE account--" },
        { "$select", "* FROM account; --" },
        { "$expand", "account($select=name;DROP TABLE account)" },
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Sql_injection_in_query_options_is_refused_or_harmless(string option, string value)
    {
        var tenant = await Host.SharedAsync("injection", async () =>
        {
            var id = await Host.CreateTenantAsync();
            await CreateAccountAsync(id, "Alpha");
            await CreateAccountAsync(id, "Beta");
            return id;
        });

        using var response = await Client.GetAsync(List(tenant, option == "$expand" ? "contact" : "account", (option, value)));

        if (response.StatusCode == HttpStatusCode.OK)
        {
            // Taken as a literal value: it matches no record.
            if (option == "$filter") Assert.Empty((await ReadAsync(response)).Values());
        }
        else await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(2, await CountAsync(tenant, "account"));
        Assert.Equal(["Alpha", "Beta"], (await ListAsync(tenant, "account", ("$orderby", "name"))).Values().Select(r => r.Str("name")));
    }

    [Theory]
    [InlineData("account;DROP TABLE account")]
    [InlineData("account\"; DROP TABLE account; --")]
    [InlineData("account' OR '1'='1")]
    [InlineData("sqlite_master")]
    [InlineData("platform_idempotency")]
    [InlineData("platform_record_shares")]
    [InlineData("information_schema.tables")]
    public async Task Sql_injection_in_the_entity_segment_is_a_404_problem(string entity)
    {
        var tenant = await Host.SharedAsync("injection-route", async () =>
        {
            var id = await Host.CreateTenantAsync();
            await CreateAccountAsync(id, "Alpha");
            return id;
        });

        await ExpectProblemAsync(await Client.GetAsync($"/api/{tenant}/data/{Uri.EscapeDataString(entity)}"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.PostAsync($"/api/{tenant}/data/{Uri.EscapeDataString(entity)}", Body(new { name = "x" })), HttpStatusCode.NotFound);

        Assert.Equal(1, await CountAsync(tenant, "account"));
    }
}
