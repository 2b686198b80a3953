using Platform.Querying.Tests.Support;
using Platform.Storage.Records;
using static Platform.Querying.Tests.Support.Translate;

namespace Platform.Querying.Tests;

public sealed class OptionTranslationTests
{
    [Fact]
    public void No_options_give_the_defaults()
    {
        var query = Ok(new QueryOptions());
        Assert.Equal("opportunity", query.Entity);
        Assert.Null(query.Filter);
        Assert.Empty(query.OrderBy);
        Assert.Null(query.Select);
        Assert.Equal(QueryLimits.DefaultTop, query.Top);
        Assert.Equal(50, query.Top);
        Assert.Equal(0, query.Skip);
        Assert.Null(query.After);
        Assert.Equal(CountMode.None, query.Count);
        Assert.Empty(Run(new QueryOptions()).Expand);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    [InlineData(" 25 ", 25)]
    public void Top_is_taken_up_to_the_maximum(string top, int expected) => Assert.Equal(expected, Ok(new QueryOptions { Top = top }).Top);

    [Theory]
    [InlineData("1001", "at most 1000")]
    [InlineData("-1", "whole number")]
    [InlineData("abc", "whole number")]
    [InlineData("1.5", "whole number")]
    [InlineData("99999999999", "whole number")]
    public void Bad_top_is_refused(string top, string message)
    {
        var error = Assert.Single(Errors(new QueryOptions { Top = top }));
        Assert.Equal("$top", error.Parameter);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Skip_must_not_be_negative()
    {
        Assert.Equal(120, Ok(new QueryOptions { Skip = "120" }).Skip);
        Assert.Equal("$skip", Assert.Single(Errors(new QueryOptions { Skip = "-5" })).Parameter);
        Assert.Equal("$skip", Assert.Single(Errors(new QueryOptions { Skip = "x" })).Parameter);
    }

    [Fact]
    public void Skip_is_bounded_at_ten_thousand_and_the_error_points_to_skiptoken()
    {
        Assert.Equal(10_000, Ok(new QueryOptions { Skip = "10000" }).Skip);
        var error = Assert.Single(Errors(new QueryOptions { Skip = "10001" }));
        Assert.Equal("$skip", error.Parameter);
        Assert.Contains("$skiptoken", error.Message);
        Assert.Equal("$skip", Assert.Single(Errors(new QueryOptions { Skip = "2147483647" })).Parameter);
    }

    [Theory]
    [InlineData("true", CountMode.Capped)]
    [InlineData("TRUE", CountMode.Capped)]
    [InlineData("exact", CountMode.Exact)]
    [InlineData("Exact", CountMode.Exact)]
    [InlineData("false", CountMode.None)]
    public void Count_modes(string count, CountMode expected)
    {
        var query = Ok(new QueryOptions { Count = count });
        Assert.Equal(expected, query.Count);
        Assert.Equal(QueryLimits.CountCap, query.CountCap);
        Assert.Equal(1000, query.CountCap);
    }

    [Fact]
    public void Bad_count_is_refused() =>
        Assert.Contains("exact", Assert.Single(Errors(new QueryOptions { Count = "yes" })).Message);

    [Fact]
    public void Orderby_takes_any_sortable_field_including_system_fields()
    {
        var query = Ok(new QueryOptions { OrderBy = "amount desc, name, created_at desc, account, close_date asc, row_version" });
        Assert.Equal(
            [new OrderTerm("amount", true), new OrderTerm("name"), new OrderTerm("created_at", true), new OrderTerm("account"), new OrderTerm("close_date"), new OrderTerm("row_version")],
            query.OrderBy);
    }

    [Fact]
    public void Orderby_may_name_the_id()
    {
        Assert.Equal([new OrderTerm("id", true)], Ok(new QueryOptions { OrderBy = "id desc" }).OrderBy);
        Assert.Equal([new OrderTerm("id", true)], KeysetSqlWriter.FullOrder([new OrderTerm("id", true), new OrderTerm("name")]));
        Assert.Equal([new OrderTerm("name"), new OrderTerm("id")], KeysetSqlWriter.FullOrder([new OrderTerm("name")]));
    }

    [Theory]
    [InlineData("tags", "single value of primitive type")]
    [InlineData("nope", "Could not find a property named 'nope'")]
    [InlineData("name, name desc", "more than once")]
    [InlineData("length(name)", "Only fields")]
    [InlineData("account__ref/name", "Only fields")]
    [InlineData("name; DROP TABLE opportunity", "Syntax error")]
    [InlineData("name desc desc", "")]
    public void Bad_orderby_is_refused(string orderBy, string message)
    {
        var error = Assert.Single(Errors(new QueryOptions { OrderBy = orderBy }));
        Assert.Equal("$orderby", error.Parameter);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Select_lists_fields_once()
    {
        Assert.Equal(["name", "amount", "tags", "created_at"], Ok(new QueryOptions { Select = "name,amount,tags,name,created_at" }).Select);
        Assert.Null(Ok(new QueryOptions { Select = "*" }).Select);
        Assert.Null(Ok(new QueryOptions { Select = "name,*" }).Select);
    }

    [Theory]
    [InlineData("nope", "Could not find a property named 'nope'")]
    [InlineData("Name", "Could not find a property named 'Name'")]
    [InlineData("name,(SELECT 1)", "")]
    [InlineData("name;DROP TABLE opportunity", "")]
    [InlineData("account__ref/name", "")]
    public void Bad_select_is_refused(string select, string message)
    {
        var error = Assert.Single(Errors(new QueryOptions { Select = select }));
        Assert.Equal("$select", error.Parameter);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Expand_names_the_lookup_field()
    {
        var result = Run(new QueryOptions { Expand = "account" });
        Assert.True(result.Succeeded);
        Assert.Null(result.Query.Select);
        Assert.Equal([new ExpandedLookup("account", "account", null)], result.Expand);
    }

    [Fact]
    public void Expand_with_nested_select()
    {
        var result = Run(new QueryOptions { Select = "name", Expand = " account ( $select = name , industry ) " });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var lookup = Assert.Single(result.Expand);
        Assert.Equal("account", lookup.Field);
        Assert.Equal("account", lookup.Target);
        Assert.Equal(["name", "industry"], lookup.Select);
        // The lookup id is read so it can be expanded, although $select left it out.
        Assert.Equal(["name", "account"], result.Query.Select);
    }

    [Fact]
    public void Expand_of_the_same_lookup_twice_is_one_expansion() =>
        Assert.Single(Run(new QueryOptions { Expand = "account,account" }).Expand);

    [Fact]
    public void Expand_on_another_entity()
    {
        var result = Run(new QueryOptions { Expand = "ref($select=name)" }, "item");
        Assert.Equal([new ExpandedLookup("ref", "account", ["name"])], result.Expand.Select(e => e with { Select = e.Select!.ToList() }).ToList(), new LookupComparer());
    }

    [Theory]
    [InlineData("name", "not a navigation property")]
    [InlineData("nope", "Could not find a property named 'nope'")]
    [InlineData("account($select=nope)", "Could not find a property named 'nope' on type 'crm.account'")]
    [InlineData("account($filter=name eq 'x')", "only $select is supported")]
    [InlineData("account($top=1)", "only $select is supported")]
    [InlineData("account($expand=owner)", "")]
    [InlineData("account/$ref", "$ref is not supported")]
    [InlineData("account(", "")]
    public void Bad_expand_is_refused(string expand, string message)
    {
        var error = Assert.Single(Errors(new QueryOptions { Expand = expand }));
        Assert.Equal("$expand", error.Parameter);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_bad_expand_next_to_a_good_select_blames_expand()
    {
        var error = Assert.Single(Errors(new QueryOptions { Select = "name", Expand = "nope" }));
        Assert.Equal("$expand", error.Parameter);
        error = Assert.Single(Errors(new QueryOptions { Select = "nope", Expand = "account" }));
        Assert.Equal("$select", error.Parameter);
    }

    [Fact]
    public void Every_bad_option_is_reported_at_once()
    {
        var errors = Errors(new QueryOptions
        {
            Filter = "nope eq 1",
            OrderBy = "nope",
            Select = "nope",
            Top = "5000",
            Skip = "-1",
            Count = "maybe",
        });
        Assert.Equal(["$count", "$filter", "$orderby", "$select", "$skip", "$top"], errors.Select(e => e.Parameter).Order().ToList());
    }

    [Fact]
    public void Unknown_entity_is_an_error()
    {
        Assert.Equal("entity", Assert.Single(Errors(new QueryOptions(), "nope")).Parameter);
        // The platform's own tables are not entities.
        Assert.Equal("entity", Assert.Single(Errors(new QueryOptions(), "platform_sequences")).Parameter);
    }

    [Fact]
    public void Options_are_read_from_query_string_pairs()
    {
        var options = QueryOptions.From(
        [
            new("$filter", "score gt 1"), new("$OrderBy", "name"), new("$top", "5"), new("$skip", "2"), new("$select", "name"),
            new("$expand", "account"), new("$count", "exact"), new("$skiptoken", "abc"), new("culture", "en"),
        ]);
        Assert.Equal(new QueryOptions
        {
            Filter = "score gt 1", OrderBy = "name", Top = "5", Skip = "2", Select = "name", Expand = "account", Count = "exact", SkipToken = "abc",
            Unsupported = options.Unsupported, Repeated = options.Repeated,
        }, options);
        Assert.Empty(options.Unsupported);
        Assert.Empty(options.Repeated);
    }

    [Fact]
    public void Unsupported_and_repeated_options_are_errors()
    {
        var options = QueryOptions.From([new("$search", "x"), new("$apply", "y"), new("$top", "1"), new("$top", "2")]);
        var errors = Errors(options);
        Assert.Equal(["$apply", "$search", "$top"], errors.Select(e => e.Parameter).Order().ToList());
    }

    [Fact]
    public void Empty_options_count_as_absent() =>
        Assert.Equal(Ok(new QueryOptions()), Ok(new QueryOptions { Filter = " ", OrderBy = "", Select = "", Expand = "", Top = "", Skip = "", Count = "" }));

    private sealed class LookupComparer : IEqualityComparer<ExpandedLookup>
    {
        public bool Equals(ExpandedLookup? x, ExpandedLookup? y) =>
            x!.Field == y!.Field && x.Target == y.Target && (x.Select ?? []).SequenceEqual(y.Select ?? []);

        public int GetHashCode(ExpandedLookup obj) => obj.Field.GetHashCode();
    }
}
