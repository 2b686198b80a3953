using System.Text.RegularExpressions;
using Platform.Querying.Tests.Support;
using Platform.Storage.Records;
using static Platform.Querying.Tests.Support.Translate;

namespace Platform.Querying.Tests;

public sealed class ContinuationTokenTests
{
    private static readonly Guid Id = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    public static TheoryData<string, object?> SortValues => new()
    {
        { "name", "O'Brien ü \\ % _ \" ✓" },
        { "name", "" },
        { "score", 9007199254740993L },
        { "score", long.MinValue },
        { "amount", 12345678901234.56m },
        { "amount", -0.10m },
        { "is_won", true },
        { "is_won", false },
        { "close_date", new DateOnly(2024, 2, 29) },
        { "closed_at", new DateTime(2024, 5, 1, 13, 14, 15, DateTimeKind.Utc).AddTicks(1234567) },
        { "account", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "account", null },
        { "created_at", DateTime.MinValue.ToUniversalTime() },
    };

    [Theory]
    [MemberData(nameof(SortValues))]
    public void Values_round_trip_with_their_exact_type(string field, object? value)
    {
        var query = new RecordQuery("opportunity") { OrderBy = [new OrderTerm(field, true)] };
        var token = ContinuationToken.Encode(query, Row((field, value)));
        Assert.Matches(new Regex("^[A-Za-z0-9_-]+$"), token);

        var decoded = ContinuationToken.Decode(token);
        Assert.Equal("opportunity", decoded.Entity);
        Assert.Equal([new OrderTerm(field, true), new OrderTerm("id")], decoded.OrderBy);
        Assert.Equal(2, decoded.Values.Count);
        Assert.Equal(value, decoded.Values[0]);
        Assert.Equal(value?.GetType(), decoded.Values[0]?.GetType());
        if (value is DateTime) Assert.Equal(DateTimeKind.Utc, ((DateTime)decoded.Values[0]!).Kind);
        if (value is decimal d) Assert.Equal(d.Scale, ((decimal)decoded.Values[0]!).Scale);
        Assert.Equal(Id, decoded.Values[1]);
        Assert.Null(decoded.Mismatch(query));
    }

    [Fact]
    public void Unspecified_and_local_times_are_carried_as_utc()
    {
        var query = new RecordQuery("opportunity") { OrderBy = [new OrderTerm("closed_at")] };
        var unspecified = new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Unspecified);
        var decoded = ContinuationToken.Decode(ContinuationToken.Encode(query, Row(("closed_at", unspecified))));
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc), decoded.Values[0]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)decoded.Values[0]!).Kind);
    }

    [Fact]
    public void The_id_alone_is_the_default_order()
    {
        var query = new RecordQuery("opportunity");
        var decoded = ContinuationToken.Decode(ContinuationToken.Encode(query, Row()));
        Assert.Equal([new OrderTerm("id")], decoded.OrderBy);
        Assert.Equal([Id], decoded.Values);
    }

    [Fact]
    public void Encoding_needs_every_sort_value() =>
        Assert.Throws<ArgumentException>(() =>
            ContinuationToken.Encode(new RecordQuery("opportunity") { OrderBy = [new OrderTerm("name")] }, Row()));

    [Fact]
    public void Next_is_null_on_the_last_page()
    {
        var query = new RecordQuery("opportunity");
        Assert.Null(ContinuationToken.Next(query, new RecordPage([Row()], false, null, false)));
        Assert.NotNull(ContinuationToken.Next(query, new RecordPage([Row()], true, null, false)));
    }

    [Fact]
    public void The_signature_ties_a_token_to_its_entity_order_and_filter()
    {
        var query = Ok(new QueryOptions { Filter = "score gt 5", OrderBy = "name desc" });
        var token = ContinuationToken.Decode(ContinuationToken.Encode(query, Row(("name", "x"))));
        Assert.Null(token.Mismatch(query));
        Assert.Null(token.Mismatch(Ok(new QueryOptions { Filter = "score  gt  5", OrderBy = "name desc", Top = "7" })));
        Assert.Contains("$orderby", token.Mismatch(Ok(new QueryOptions { Filter = "score gt 5", OrderBy = "name" })));
        Assert.Contains("$orderby", token.Mismatch(Ok(new QueryOptions { Filter = "score gt 5", OrderBy = "name desc, score" })));
        Assert.Contains("$filter", token.Mismatch(Ok(new QueryOptions { Filter = "score gt 6", OrderBy = "name desc" })));
        Assert.Contains("$filter", token.Mismatch(Ok(new QueryOptions { OrderBy = "name desc" })));
        Assert.Contains("'opportunity'", token.Mismatch(new RecordQuery("account") { OrderBy = [new OrderTerm("name", true)], Filter = query.Filter }));
    }

    [Fact]
    public void Filter_fingerprints_see_values_and_their_types()
    {
        Assert.NotEqual(FilterFingerprint.Of(Filter("stage in ('a','b')")), FilterFingerprint.Of(Filter("stage in ('a','c')")));
        Assert.NotEqual(FilterFingerprint.Of(new ComparisonNode("x", ComparisonOperator.Eq, 1L)), FilterFingerprint.Of(new ComparisonNode("x", ComparisonOperator.Eq, "1")));
        Assert.NotEqual(FilterFingerprint.Of(null), FilterFingerprint.Of(new ConstantNode(true)));
        Assert.Equal(FilterFingerprint.Of(Filter("tags/any(t: t eq 'hot')")), FilterFingerprint.Of(Filter("tags/any(x: x eq 'hot')")));
    }

    [Fact]
    public void Skiptoken_sets_the_keyset_position()
    {
        var first = Ok(new QueryOptions { Filter = "amount gt 10", OrderBy = "close_date desc", Top = "2" });
        var token = ContinuationToken.Encode(first, Row(("close_date", new DateOnly(2024, 3, 1))));
        var next = Ok(new QueryOptions { Filter = "amount gt 10", OrderBy = "close_date desc", Top = "2", SkipToken = token });
        Assert.Equal([new DateOnly(2024, 3, 1), Id], next.After);
        Assert.Equal(0, next.Skip);
    }

    [Fact]
    public void Skiptoken_for_another_query_is_refused()
    {
        var token = ContinuationToken.Encode(Ok(new QueryOptions { OrderBy = "name" }), Row(("name", "x")));
        var error = Assert.Single(Errors(new QueryOptions { OrderBy = "name desc", SkipToken = token }));
        Assert.Equal("$skiptoken", error.Parameter);
        Assert.Contains("different $orderby", error.Message);
        error = Assert.Single(Errors(new QueryOptions { OrderBy = "name", Filter = "score eq 1", SkipToken = token }));
        Assert.Contains("different $filter", error.Message);
        error = Assert.Single(Errors(new QueryOptions { OrderBy = "name", SkipToken = token }, "account"));
        Assert.Contains("belongs to a list of 'opportunity'", error.Message);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    [InlineData("e30")]
    [InlineData("eyJ2IjoxfQ")]
    [InlineData("!!!")]
    public void Malformed_tokens_are_refused(string token)
    {
        Assert.False(ContinuationToken.TryDecode(token, out _));
        if (token.Length > 0)
            Assert.Contains("not valid", Assert.Single(Errors(new QueryOptions { SkipToken = token })).Message);
    }

    [Fact]
    public void A_token_whose_values_do_not_fit_the_columns_is_refused()
    {
        // Well-formed, same signature, but the id is claimed to be text: it must never reach the database.
        var query = new RecordQuery("opportunity");
        var forged = ContinuationToken.Encode(query, new Dictionary<string, object?> { ["id"] = "1 OR 1=1" });
        Assert.Contains("not valid", Assert.Single(Errors(new QueryOptions { SkipToken = forged })).Message);
        Assert.Throws<FormatException>(() => ContinuationToken.Decode(new string('a', QueryLimits.MaxTokenLength + 1)));

        // A decimal beyond what SQLite's scaled integers hold.
        var ordered = Ok(new QueryOptions { OrderBy = "amount" });
        var huge = ContinuationToken.Encode(ordered, Row(("amount", 79228162514264337593543950335m)));
        Assert.Contains("not valid", Assert.Single(Errors(new QueryOptions { OrderBy = "amount", SkipToken = huge })).Message);
    }

    [Fact]
    public void Skip_and_skiptoken_together_are_refused()
    {
        var token = ContinuationToken.Encode(new RecordQuery("opportunity"), Row());
        var error = Assert.Single(Errors(new QueryOptions { Skip = "10", SkipToken = token }));
        Assert.Equal("$skiptoken", error.Parameter);
        Assert.Contains("cannot be used together", error.Message);
    }

    private static Dictionary<string, object?> Row(params (string Field, object? Value)[] values)
    {
        var row = new Dictionary<string, object?> { ["id"] = Id };
        foreach (var (field, value) in values) row[field] = value;
        return row;
    }
}
