using Microsoft.AspNetCore.Http;
using Platform.Querying;
using Platform.Storage.Physical;

namespace Platform.Api.Records;

/// <summary>
/// The query options of a single record's GET: $select and $expand, translated exactly as for a list. The options
/// that choose or page rows ($filter, $orderby, $top, ...) mean nothing for one record and are refused, not ignored.
/// </summary>
internal static class SingleRecordOptions
{
    /// <summary>The translated options, or null when the request gives none (the common case: no parser runs).</summary>
    public static QueryTranslation? Translate(PhysicalModel model, string entity, IQueryCollection query)
    {
        if (!query.Keys.Any(k => k.StartsWith('$'))) return null;
        var all = QueryOptions.From(query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));
        var errors = new List<QueryError>();
        foreach (var (name, value) in ListOnly(all))
            if (value is not null) errors.Add(new QueryError(name, $"{name} applies to lists; a single record takes only $select and $expand."));
        var translation = new ODataQueryTranslator(model).Translate(entity, all with
        {
            Filter = null, OrderBy = null, Top = null, Skip = null, Count = null, SkipToken = null,
        });
        errors.AddRange(translation.Errors);
        return errors.Count > 0 ? QueryTranslation.Failure(errors) : translation;
    }

    private static IEnumerable<(string Name, string? Value)> ListOnly(QueryOptions options) =>
    [
        ("$filter", options.Filter), ("$orderby", options.OrderBy), ("$top", options.Top), ("$skip", options.Skip),
        ("$count", options.Count), ("$skiptoken", options.SkipToken),
    ];
}
