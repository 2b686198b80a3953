using System.Globalization;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;
using Platform.Metadata.FieldTypes;
using Platform.Querying.Edm;
using Platform.Storage.Physical;
using Platform.Storage.Records;
using Platform.Storage.Records.Aggregates;

namespace Platform.Querying.Apply;

/// <summary>
/// Turns OData <c>$apply</c> (with <c>$filter</c>, <c>$orderby</c>, <c>$top</c>, <c>$skip</c> and <c>$count</c>) into an
/// <see cref="AggregateQuery"/>. Microsoft.OData.Core parses the transformations; this accepts the shapes the database
/// can run as one GROUP BY:
/// <code>
/// apply     = *( "filter(" expr ")/" ) [ "compute(" datepart *( "," datepart ) ")/" ] ( groupby / aggregate ) *( "/filter(" having ")" )
/// groupby   = "groupby((" name *( "," name ) ")" [ ",aggregate(" term *( "," term ) ")" ] ")"
/// aggregate = "aggregate(" term *( "," term ) ")"
/// term      = field " with " ( "sum" / "average" / "min" / "max" / "countdistinct" ) " as " alias / "$count as " alias
/// datepart  = ( "year" / "month" / "day" ) "(" field ") as " alias
/// having    = conditions (eq, ne, gt, ge, lt, le, and, or, not) on the result's names: group keys and aliases
/// </code>
/// <c>$filter</c> applies before the transformations (with the filter() steps); <c>$orderby</c> sorts by the result's
/// names (group keys and aliases). Errors name the option and, for $apply, the position of the transformation.
/// </summary>
public sealed class ApplyTranslator(PhysicalModel model)
{
    private readonly EdmQueryModel _edm = EdmModelBuilder.GetOrBuild(model);

    private PhysicalModel Model { get; } = model;

    public ApplyTranslation Translate(string entity, QueryOptions options)
    {
        var errors = new List<QueryError>();
        errors.AddRange(options.Unsupported.Select(name => new QueryError(name, $"The query option '{name}' is not supported.")));
        errors.AddRange(options.Repeated.Select(name => new QueryError(name, $"The query option '{name}' is given more than once.")));
        foreach (var (name, value) in new[] { ("$select", options.Select), ("$expand", options.Expand), ("$skiptoken", options.SkipToken) })
            if (value is not null) errors.Add(new QueryError(name, $"{name} cannot be combined with $apply."));
        if (_edm.Find(entity) is not { } binding)
        {
            errors.Add(new QueryError("entity", $"There is no entity named '{entity}'."));
            return new ApplyTranslation(null, errors);
        }

        // $filter means what it means on a plain list, so the list's translator reads it.
        var optionFilter = OptionFilter(entity, options.Filter, errors);
        var query = Transformations(binding, options.Apply ?? "", errors);
        var top = Number("$top", options.Top, QueryLimits.MaxTop, QueryLimits.MaxTop, errors);
        var skip = Number("$skip", options.Skip, 0, QueryLimits.MaxSkip, errors);
        var count = Count(options.Count, errors);
        if (query is null || errors.Count > 0) return new ApplyTranslation(null, errors);

        var order = Order(options.OrderBy, query, errors);
        var filter = optionFilter is null ? query.Filter : query.Filter is null ? optionFilter : new AndNode(optionFilter, query.Filter);
        query = query with { Filter = filter, OrderBy = order, Top = top, Skip = skip, Count = count };
        return errors.Count > 0 ? new ApplyTranslation(null, errors) : new ApplyTranslation(query, []);
    }

    private FilterNode? OptionFilter(string entity, string? filter, List<QueryError> errors)
    {
        if (string.IsNullOrWhiteSpace(filter)) return null;
        var translation = new ODataQueryTranslator(Model).Translate(entity, new QueryOptions { Filter = filter });
        errors.AddRange(translation.Errors);
        return translation.Query?.Filter;
    }

    private AggregateQuery? Transformations(EdmEntityBinding binding, string apply, List<QueryError> errors)
    {
        if (string.IsNullOrWhiteSpace(apply))
        {
            errors.Add(new QueryError("$apply", "$apply is empty; give e.g. groupby((stage),aggregate(amount with sum as total))."));
            return null;
        }
        var segments = ApplySegments.Split(apply);
        if (Misplaced(segments) is { } misplaced)
        {
            errors.Add(new QueryError("$apply", misplaced));
            return null;
        }
        ApplyClause clause;
        try
        {
            var raw = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["$apply"] = FilterPathRewriter.Rewrite(apply, name => binding.IsLookup(name) ? EdmModelBuilder.NavigationName(name) : null),
            };
            clause = new ODataQueryOptionParser(_edm.Model, binding.Type, binding.Set, raw)
            {
                Resolver = new ODataUriResolver { EnableCaseInsensitive = false },
            }.ParseApply();
        }
        catch (ODataException e)
        {
            errors.Add(new QueryError("$apply", e.Message));
            return null;
        }

        var transformations = clause.Transformations.ToList();
        var builder = new ApplyQueryBuilder(binding, type => _edm.Find(type.Name));
        for (var i = 0; i < transformations.Count; i++)
        {
            var segment = i < segments.Count ? segments[i] : new ApplySegment(apply, 0);
            try
            {
                builder.Add(transformations[i]);
            }
            catch (QueryException e)
            {
                errors.Add(new QueryError("$apply", $"{e.Message} (in '{segment.Text.Trim()}' at position {segment.Position})"));
                return null;
            }
        }
        try
        {
            return builder.Build();
        }
        catch (QueryException e)
        {
            errors.Add(new QueryError("$apply", $"{e.Message} (at position {apply.Length})"));
            return null;
        }
    }

    /// <summary>
    /// What the segments' names alone rule out, said with the position (the parser would fail on them with less to go
    /// on): an unknown transformation, or anything but filter() after the one groupby() or aggregate().
    /// </summary>
    private static string? Misplaced(IReadOnlyList<ApplySegment> segments)
    {
        var ended = false;
        foreach (var segment in segments)
        {
            if (ended && segment.Name != "filter")
                return $"Only filter() may follow groupby() or aggregate(), but '{segment.Text.Trim()}' does at position {segment.Position}: " +
                       "compute() comes before them, and $orderby/$top sort and page the result.";
            if (segment.Name is not ("filter" or "compute" or "groupby" or "aggregate"))
                return $"The transformation '{segment.Name}' at position {segment.Position} is not supported; use filter, compute, groupby or aggregate.";
            ended |= segment.Name is "groupby" or "aggregate";
        }
        return null;
    }

    /// <summary>$orderby over the result: comma-separated names of group keys or aliases, each optionally "asc" or "desc".</summary>
    private static IReadOnlyList<AggregateOrder> Order(string? text, AggregateQuery query, List<QueryError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var names = query.Aliases.ToHashSet(StringComparer.Ordinal);
        var terms = new List<AggregateOrder>();
        var position = 0;
        foreach (var item in text.Split(','))
        {
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var descending = words.Length == 2 && words[1] == "desc";
            if (words.Length is 0 or > 2 || words.Length == 2 && words[1] is not ("asc" or "desc"))
                errors.Add(new QueryError("$orderby", $"'{item.Trim()}' at position {position} is not a name followed by asc or desc."));
            else if (!names.Contains(words[0]))
                errors.Add(new QueryError("$orderby",
                    $"'{words[0]}' at position {position} is not a value of the $apply result; sort by one of: {string.Join(", ", names)}."));
            else if (terms.Any(t => t.Alias == words[0]))
                errors.Add(new QueryError("$orderby", $"'{words[0]}' appears more than once."));
            else terms.Add(new AggregateOrder(words[0], descending));
            position += item.Length + 1;
        }
        return terms;
    }

    private static int Number(string parameter, string? text, int absent, int max, List<QueryError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return absent;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            errors.Add(new QueryError(parameter, $"{parameter} must be a whole number of 0 or more."));
        else if (value > max)
            errors.Add(new QueryError(parameter, $"{parameter} may be at most {max:N0} with $apply."));
        else return value;
        return absent;
    }

    private static bool Count(string? text, List<QueryError> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "false": return false;
            case "true" or "exact": return true;
            default:
                errors.Add(new QueryError("$count", "$count must be true or false."));
                return false;
        }
    }
}
