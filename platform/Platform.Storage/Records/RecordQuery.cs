namespace Platform.Storage.Records;

public sealed record OrderTerm(string Field, bool Descending = false);

/// <summary>How a list counts: not at all, up to a cap (cheap on large tables), or exactly.</summary>
public enum CountMode { None, Capped, Exact }

/// <summary>A list request over one entity, independent of URL syntax.</summary>
public sealed record RecordQuery(string Entity)
{
    public FilterNode? Filter { get; init; }
    /// <summary>Sort terms; the record id is always appended as the final tie-breaker so paging is stable.</summary>
    public IReadOnlyList<OrderTerm> OrderBy { get; init; } = [];
    /// <summary>Columns to return; null means all. The id is always returned.</summary>
    public IReadOnlyList<string>? Select { get; init; }
    public int Top { get; init; } = 50;
    public int Skip { get; init; }
    /// <summary>Keyset position: the sort values (then id) of the last row of the previous page.</summary>
    public IReadOnlyList<object?>? After { get; init; }
    public CountMode Count { get; init; }
    public int CountCap { get; init; } = 1000;

    /// <summary>
    /// A set lookup (which of these ids or values are stored), not a page: no ORDER BY and no LIMIT, every matching row
    /// in no particular order. Ordering by id with a LIMIT lets PostgreSQL walk the primary key and filter every row
    /// of the table instead of probing the filtered column's index, a cost that grows with the table.
    /// <see cref="OrderBy"/>, <see cref="Skip"/>, <see cref="After"/> and <see cref="Count"/> must be left unset.
    /// </summary>
    public bool Unordered { get; init; }
}

public sealed record RecordPage(IReadOnlyList<Dictionary<string, object?>> Rows, bool HasMore, long? Count, bool CountIsCapped);
