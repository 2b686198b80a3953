using System.Diagnostics.CodeAnalysis;
using Platform.Storage.Records.Aggregates;

namespace Platform.Querying.Apply;

/// <summary>The outcome of translating $apply and the options that go with it: a grouped query, or every error found.</summary>
public sealed record ApplyTranslation(AggregateQuery? Query, IReadOnlyList<QueryError> Errors)
{
    [MemberNotNullWhen(true, nameof(Query))]
    public bool Succeeded => Query is not null && Errors.Count == 0;
}
