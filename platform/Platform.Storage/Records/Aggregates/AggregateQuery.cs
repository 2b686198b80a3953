namespace Platform.Storage.Records.Aggregates;

/// <summary>The part of a date or time a group key takes (UTC for times).</summary>
public enum DatePart { Year, Month, Day }

public enum AggregateMethod { Sum, Average, Min, Max, CountDistinct, Count }

/// <summary>A value the rows are grouped by: a field, or the year, month or day of one; <paramref name="Alias"/> names it in the result.</summary>
public sealed record GroupKey(string Alias, string Field, DatePart? Part = null);

/// <summary>An aggregated value; <paramref name="Field"/> is null for <see cref="AggregateMethod.Count"/> (the rows of the group).</summary>
public sealed record AggregateTerm(string Alias, AggregateMethod Method, string? Field);

/// <summary>A sort on a result value (a key's or an aggregate's alias); nulls come first ascending, last descending, on every database.</summary>
public sealed record AggregateOrder(string Alias, bool Descending = false);

/// <summary>
/// A grouped read of one entity, independent of URL syntax: rows matching <see cref="Filter"/> grouped by
/// <see cref="GroupBy"/> (none: one group of every row) with <see cref="Aggregates"/> computed per group, by the database.
/// </summary>
public sealed record AggregateQuery(string Entity)
{
    public FilterNode? Filter { get; init; }
    public IReadOnlyList<GroupKey> GroupBy { get; init; } = [];
    public IReadOnlyList<AggregateTerm> Aggregates { get; init; } = [];
    /// <summary>Which groups to keep, by their values (HAVING); null keeps every group.</summary>
    public ResultCondition? Having { get; init; }
    /// <summary>Sort terms; the group keys follow as tie-breakers so pages are stable.</summary>
    public IReadOnlyList<AggregateOrder> OrderBy { get; init; } = [];
    public int Top { get; init; } = 1000;
    public int Skip { get; init; }
    /// <summary>Also count the groups (for <c>$count=true</c>).</summary>
    public bool Count { get; init; }

    /// <summary>The result's values in order: keys, then aggregates.</summary>
    public IEnumerable<string> Aliases => GroupBy.Select(k => k.Alias).Concat(Aggregates.Select(a => a.Alias));
}

/// <summary>One page of groups, each row keyed by alias.</summary>
public sealed record AggregatePage(IReadOnlyList<Dictionary<string, object?>> Rows, bool HasMore, long? Count);
