using Platform.Querying.Tests.Support;
using Platform.Storage.Records;
using static Platform.Querying.Tests.Support.Translate;

namespace Platform.Querying.Tests;

public sealed class FilterTranslationTests
{
    private static readonly Guid AccountId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Theory]
    [InlineData("score eq 5", ComparisonOperator.Eq)]
    [InlineData("score ne 5", ComparisonOperator.Ne)]
    [InlineData("score gt 5", ComparisonOperator.Gt)]
    [InlineData("score ge 5", ComparisonOperator.Ge)]
    [InlineData("score lt 5", ComparisonOperator.Lt)]
    [InlineData("score le 5", ComparisonOperator.Le)]
    public void Comparison_operators_map_one_to_one(string filter, ComparisonOperator op) =>
        Assert.Equal(new ComparisonNode("score", op, 5L), Filter(filter));

    [Theory]
    [InlineData("5 lt score", ComparisonOperator.Gt)]
    [InlineData("5 le score", ComparisonOperator.Ge)]
    [InlineData("5 gt score", ComparisonOperator.Lt)]
    [InlineData("5 ge score", ComparisonOperator.Le)]
    [InlineData("5 eq score", ComparisonOperator.Eq)]
    [InlineData("5 ne score", ComparisonOperator.Ne)]
    public void A_value_on_the_left_mirrors_the_operator(string filter, ComparisonOperator op) =>
        Assert.Equal(new ComparisonNode("score", op, 5L), Filter(filter));

    [Fact]
    public void Values_are_converted_to_the_columns_platform_type()
    {
        AssertValue("amount gt 1000", "amount", 1000m);
        AssertValue("amount gt 1000.25", "amount", 1000.25m);
        AssertValue("probability le 0.5", "probability", 0.5m);
        AssertValue("score eq 5", "score", 5L);
        AssertValue("score eq 9000000000", "score", 9000000000L);
        AssertValue("is_won eq true", "is_won", true);
        AssertValue("close_date ge 2024-01-31", "close_date", new DateOnly(2024, 1, 31));
        AssertValue("closed_at lt 2024-01-31T10:00:00+02:00", "closed_at", new DateTime(2024, 1, 31, 8, 0, 0, DateTimeKind.Utc));
        AssertValue("closed_at lt 2024-01-31T10:00:00.1234567Z", "closed_at", new DateTime(2024, 1, 31, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567));
        AssertValue($"account eq {AccountId}", "account", AccountId);
        AssertValue($"id eq {AccountId}", "id", AccountId);
        AssertValue($"owner eq {AccountId}", "owner", AccountId);
        AssertValue("row_version gt 3", "row_version", 3L);
        AssertValue("stage eq 'won'", "stage", "won");
        AssertValue("name eq 'O''Brien'", "name", "O'Brien");
    }

    [Fact]
    public void Datetime_values_are_utc()
    {
        var node = Assert.IsType<ComparisonNode>(Filter("closed_at ge 2024-06-01T00:00:00-05:00"));
        var value = Assert.IsType<DateTime>(node.Value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(new DateTime(2024, 6, 1, 5, 0, 0), value);
    }

    [Theory]
    [InlineData("description eq null", ComparisonOperator.Eq)]
    [InlineData("description ne null", ComparisonOperator.Ne)]
    [InlineData("null eq description", ComparisonOperator.Eq)]
    public void Null_checks_are_comparisons_with_null(string filter, ComparisonOperator op) =>
        Assert.Equal(new ComparisonNode("description", op, null), Filter(filter));

    [Theory]
    [InlineData("account eq null", "account")]
    [InlineData("close_date eq null", "close_date")]
    [InlineData("closed_at eq null", "closed_at")]
    [InlineData("amount eq null", "amount")]
    [InlineData("is_won eq null", "is_won")]
    [InlineData("created_by eq null", "created_by")]
    public void Every_kind_has_a_null_check(string filter, string field) =>
        Assert.Equal(new ComparisonNode(field, ComparisonOperator.Eq, null), Filter(filter));

    [Fact]
    public void In_lists_are_converted_value_by_value()
    {
        var stage = Assert.IsType<InNode>(Filter("stage in ('won','lost')"));
        Assert.Equal("stage", stage.Field);
        Assert.Equal(["won", "lost"], stage.Values);
        var score = Assert.IsType<InNode>(Filter("score in (1, 2, 3)"));
        Assert.Equal([1L, 2L, 3L], score.Values);
        var accounts = Assert.IsType<InNode>(Filter($"account in ({AccountId}, {Guid.Empty})"));
        Assert.Equal([AccountId, Guid.Empty], accounts.Values);
        var dates = Assert.IsType<InNode>(Filter("close_date in (2024-01-01, 2024-02-01)"));
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], dates.Values);
    }

    [Theory]
    [InlineData("contains(name,'acme')", StringMatch.Contains)]
    [InlineData("startswith(name,'acme')", StringMatch.StartsWith)]
    [InlineData("endswith(name,'acme')", StringMatch.EndsWith)]
    public void String_functions_become_string_matches(string filter, StringMatch match) =>
        Assert.Equal(new StringMatchNode("name", match, "acme"), Filter(filter));

    [Theory]
    [InlineData("contains(email,'@x')", "email")]
    [InlineData("contains(stage,'o')", "stage")]
    [InlineData("contains(description,'o')", "description")]
    public void String_functions_work_on_every_text_like_field(string filter, string field) =>
        Assert.Equal(field, Assert.IsType<StringMatchNode>(Filter(filter)).Field);

    [Fact]
    public void Logical_operators_and_parentheses_keep_their_structure()
    {
        var a = new ComparisonNode("score", ComparisonOperator.Eq, 1L);
        var b = new ComparisonNode("score", ComparisonOperator.Eq, 2L);
        var c = new ComparisonNode("is_won", ComparisonOperator.Eq, true);
        Assert.Equal(new OrNode(a, new AndNode(b, c)), Filter("score eq 1 or score eq 2 and is_won eq true"));
        Assert.Equal(new AndNode(new OrNode(a, b), c), Filter("(score eq 1 or score eq 2) and is_won eq true"));
        Assert.Equal(new NotNode(new OrNode(a, b)), Filter("not (score eq 1 or score eq 2)"));
        Assert.Equal(new NotNode(new StringMatchNode("name", StringMatch.Contains, "x")), Filter("not contains(name,'x')"));
    }

    [Fact]
    public void A_boolean_field_alone_means_true() =>
        Assert.Equal(new ComparisonNode("is_won", ComparisonOperator.Eq, true), Filter("is_won"));

    [Fact]
    public void A_negated_boolean_field_means_false_so_a_null_flag_matches_neither() =>
        Assert.Equal(new ComparisonNode("is_won", ComparisonOperator.Eq, false), Filter("not is_won"));

    [Fact]
    public void Boolean_literals_are_constants() => Assert.Equal(new ConstantNode(true), Filter("true"));

    [Theory]
    [InlineData("tags/any(t: t eq 'hot')", new[] { "hot" })]
    [InlineData("tags/any(t: 'hot' eq t)", new[] { "hot" })]
    [InlineData("tags/any(t: t in ('hot','vip'))", new[] { "hot", "vip" })]
    [InlineData("tags/any(t: t eq 'hot' or t eq 'vip' or t eq 'hot')", new[] { "hot", "vip" })]
    public void Any_on_a_multichoice_becomes_list_contains_any(string filter, string[] values)
    {
        var node = Assert.IsType<ListContainsAnyNode>(Filter(filter));
        Assert.Equal("tags", node.Field);
        Assert.Equal(values, node.Values);
    }

    [Fact]
    public void Filters_on_system_fields_work() =>
        Assert.Equal(
            new AndNode(
                new ComparisonNode("created_at", ComparisonOperator.Ge, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
                new ComparisonNode("modified_by", ComparisonOperator.Ne, null)),
            Filter("created_at ge 2024-01-01T00:00:00Z and modified_by ne null"));

    [Theory]
    [InlineData("foo eq 1", "Could not find a property named 'foo'")]
    [InlineData("Score eq 1", "Could not find a property named 'Score'")]
    [InlineData("amount gt 'abc'", "incompatible types")]
    [InlineData("name eq 5", "incompatible types")]
    [InlineData("contains(amount,'1')", "No function signature")]
    [InlineData("contains(account,'1')", "No function signature")]
    [InlineData("stage in (1,2)", "")]
    [InlineData("close_date gt 2026-13-01", "")]
    [InlineData("amount gt 1000 and", "Expression expected")]
    [InlineData("name eq 'x", "")]
    public void Parser_errors_are_reported_with_the_parsers_message(string filter, string expected) =>
        Assert.Contains(expected, FilterError(filter));

    [Theory]
    [InlineData("amount gt score", "Comparing field 'amount' with field 'score' is not supported")]
    [InlineData("name eq description", "Comparing field 'name' with field 'description' is not supported")]
    [InlineData("1 eq 1", "needs a field")]
    [InlineData("tolower(name) eq 'x'", "The function 'tolower' is not supported")]
    [InlineData("length(name) gt 3", "The function 'length' is not supported")]
    [InlineData("year(close_date) eq 2024", "The function 'year' is not supported")]
    [InlineData("contains('abc', name)", "takes a field and then a text value")]
    [InlineData("contains(name, description)", "takes a field and then a text value")]
    [InlineData("amount add 1 gt 5", "operator 'Add' is not supported")]
    [InlineData("score eq 5.5", "cannot be compared with field 'score'")]
    [InlineData("tags/all(t: t eq 'hot')", "all() is not supported")]
    [InlineData("tags/any()", "needs a condition")]
    [InlineData("tags/any(t: t ne 'hot')", "only 't eq <value>'")]
    [InlineData("tags/any(t: contains(t,'h'))", "only 't eq <value>'")]
    [InlineData("account/name eq name", "fields of one related record only")]
    [InlineData("account/name eq 'x' or account/nope eq 1", "Could not find a property named 'nope'")]
    [InlineData("name eq @alias", "")]
    public void Unsupported_shapes_are_refused_clearly(string filter, string expected) =>
        Assert.Contains(expected, FilterError(filter));

    [Fact]
    public void A_path_through_a_lookup_is_a_condition_on_the_record_it_points_to()
    {
        Assert.Equal(new RelatedNode("account", "account", new ComparisonNode("name", ComparisonOperator.Eq, "Acme")), Filter("account/name eq 'Acme'"));
        Assert.Equal(new RelatedNode("account", "account", new StringMatchNode("name", StringMatch.StartsWith, "Ac")), Filter("startswith(account/name,'Ac')"));
        var both = Assert.IsType<AndNode>(Filter("account/industry eq 'tech' and name eq 'x'"));
        Assert.Equal(new RelatedNode("account", "account", new ComparisonNode("industry", ComparisonOperator.Eq, "tech")), both.Left);
        Assert.Equal(new ComparisonNode("name", ComparisonOperator.Eq, "x"), both.Right);
    }

    [Theory]
    [InlineData("name eq 'account/name'", "account/name")]
    [InlineData("name eq 'it''s account/name'", "it's account/name")]
    public void Quoted_text_that_looks_like_a_path_stays_text(string filter, string value) =>
        Assert.Equal(new ComparisonNode("name", ComparisonOperator.Eq, value), Filter(filter));

    [Fact]
    public void In_lists_are_bounded()
    {
        var values = string.Join(",", Enumerable.Range(0, QueryLimits.MaxInValues + 1));
        Assert.Contains("at most", FilterError($"score in ({values})"));
        Assert.IsType<InNode>(Filter($"score in ({string.Join(",", Enumerable.Range(0, QueryLimits.MaxInValues))})"));
    }

    private static void AssertValue(string filter, string field, object expected)
    {
        var node = Assert.IsType<ComparisonNode>(Filter(filter));
        Assert.Equal(field, node.Field);
        Assert.Equal(expected, node.Value);
        Assert.IsType(expected.GetType(), node.Value);
    }
}
