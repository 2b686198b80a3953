using System.Diagnostics.CodeAnalysis;
using Platform.Storage.Records;

namespace Platform.Querying;

/// <summary>The outcome of translating query options: a query with the lookups to expand, or every error found.</summary>
public sealed record QueryTranslation
{
    private QueryTranslation(RecordQuery? query, IReadOnlyList<ExpandedLookup> expand, IReadOnlyList<QueryError> errors)
    {
        Query = query;
        Expand = expand;
        Errors = errors;
    }

    public RecordQuery? Query { get; }

    /// <summary>Lookups to expand. Their fields are also in <see cref="RecordQuery.Select"/> so the ids get read.</summary>
    public IReadOnlyList<ExpandedLookup> Expand { get; }

    public IReadOnlyList<QueryError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Query))]
    public bool Succeeded => Query is not null;

    public static QueryTranslation Success(RecordQuery query, IReadOnlyList<ExpandedLookup> expand) => new(query, expand, []);

    public static QueryTranslation Failure(IReadOnlyList<QueryError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(null, [], errors);
}
