namespace Platform.Storage.Records;

/// <summary>
/// A storage-neutral filter over one entity. Values are already converted to the field's platform type
/// (string, long, decimal, bool, DateOnly, DateTime, Guid) and always travel to the database as parameters.
/// </summary>
public abstract record FilterNode;

public enum ComparisonOperator { Eq, Ne, Gt, Ge, Lt, Le }

public enum StringMatch { Contains, StartsWith, EndsWith }

/// <summary>field op value; a null value with Eq/Ne means IS NULL / IS NOT NULL.</summary>
public sealed record ComparisonNode(string Field, ComparisonOperator Operator, object? Value) : FilterNode;

public sealed record InNode(string Field, IReadOnlyList<object?> Values) : FilterNode
{
    /// <summary>
    /// The condition keeps a large share of the rows (a business-unit scope): it filters, but should not choose the
    /// index a query runs on. SQLite's planner costs an index without the LIMIT, so it would read a whole unit and sort
    /// it rather than walk the index that gives the page's order and stop after one page.
    /// </summary>
    public bool Broad { get; init; }
}

/// <summary>Case-insensitive substring, prefix or suffix match on a text field.</summary>
public sealed record StringMatchNode(string Field, StringMatch Match, string Value) : FilterNode;

/// <summary>True when a multichoice field holds any of the values.</summary>
public sealed record ListContainsAnyNode(string Field, IReadOnlyList<string> Values) : FilterNode;

public sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;

public sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;

public sealed record NotNode(FilterNode Operand) : FilterNode;

public sealed record ConstantNode(bool Value) : FilterNode;

/// <summary>
/// field IN (SELECT column FROM table WHERE ...): a row qualifies through rows of another table of the same tenant
/// database (record shares), so paging and counts stay in SQL.
/// </summary>
public sealed record InSubqueryNode(string Field, string Table, string Column, FilterNode Where) : FilterNode;

/// <summary>
/// A condition on the record a lookup points to (<c>account/name eq 'Acme'</c>): <paramref name="Where"/> is over the
/// fields of <paramref name="Entity"/>. The record service resolves it into an <see cref="InSubqueryNode"/> bounded by
/// what the reader may see of that entity; storage never writes one unresolved.
/// </summary>
public sealed record RelatedNode(string Lookup, string Entity, FilterNode Where) : FilterNode;
