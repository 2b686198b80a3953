using System.Globalization;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Platform.Metadata.FieldTypes;
using Platform.Querying.Edm;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Querying;

/// <summary>
/// Turns OData-style query options into a <see cref="RecordQuery"/> for one entity, using Microsoft.OData.Core's
/// parser over the tenant's run-time EDM model for $filter, $orderby, $select and $expand. Every option is checked
/// even when another fails, so the caller can report all errors at once. Stateless and thread-safe.
/// </summary>
public sealed class ODataQueryTranslator(PhysicalModel model)
{
    private readonly EdmQueryModel _edm = EdmModelBuilder.GetOrBuild(model);

    public PhysicalModel Model { get; } = model;

    public QueryTranslation Translate(string entity, QueryOptions options)
    {
        var errors = new List<QueryError>();
        errors.AddRange(options.Unsupported.Select(name => new QueryError(name, $"The query option '{name}' is not supported.")));
        errors.AddRange(options.Repeated.Select(name => new QueryError(name, $"The query option '{name}' is given more than once.")));
        if (options.Apply is not null) errors.Add(new QueryError("$apply", "$apply is supported on the list endpoint only."));
        if (_edm.Find(entity) is not { } binding)
        {
            errors.Add(new QueryError("entity", $"There is no entity named '{entity}'."));
            return QueryTranslation.Failure(errors);
        }

        var top = Number("$top", options.Top, QueryLimits.DefaultTop, QueryLimits.MaxTop, errors);
        var skip = Number("$skip", options.Skip, 0, int.MaxValue, errors);
        if (skip > QueryLimits.MaxSkip)
        {
            errors.Add(new QueryError("$skip",
                $"$skip may be at most {QueryLimits.MaxSkip:N0}; page deeper with $skiptoken (follow @odata.nextLink)."));
            skip = 0;
        }
        var count = Count(options.Count, errors);
        var parser = Parser(binding, options);
        var filterOk = Try("$filter", errors, () => Filter(parser, binding), out var filter);
        var orderOk = Try("$orderby", errors, () => Order(parser, binding), out var order);
        Selection? selection = null;
        try
        {
            selection = SelectAndExpand(parser, binding);
        }
        catch (ODataException e)
        {
            errors.Add(new QueryError(SelectOrExpand(binding, options), e.Message));
        }
        catch (QueryException e)
        {
            errors.Add(new QueryError(e.Parameter ?? "$select", e.Message));
        }

        var query = new RecordQuery(entity)
        {
            Filter = filter,
            OrderBy = order ?? [],
            Select = selection?.Select,
            Top = top,
            Skip = skip,
            Count = count,
            CountCap = QueryLimits.CountCap,
        };
        if (!string.IsNullOrWhiteSpace(options.SkipToken))
        {
            if (!string.IsNullOrWhiteSpace(options.Skip))
                errors.Add(new QueryError("$skiptoken", "$skip and $skiptoken cannot be used together."));
            else if (filterOk && orderOk && After(options.SkipToken.Trim(), query, binding.Table, Model.Provider, errors) is { } after)
                query = query with { After = after };
        }
        return errors.Count > 0 ? QueryTranslation.Failure(errors) : QueryTranslation.Success(query, selection?.Expand ?? []);
    }

    private ODataQueryOptionParser Parser(EdmEntityBinding binding, QueryOptions options)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(options.Filter))
            raw["$filter"] = FilterPathRewriter.Rewrite(options.Filter, name => binding.IsLookup(name) ? EdmModelBuilder.NavigationName(name) : null);
        if (!string.IsNullOrWhiteSpace(options.OrderBy)) raw["$orderby"] = options.OrderBy;
        if (!string.IsNullOrWhiteSpace(options.Select)) raw["$select"] = options.Select;
        if (!string.IsNullOrWhiteSpace(options.Expand))
            raw["$expand"] = ExpandRewriter.Rewrite(options.Expand, name =>
                binding.IsLookup(name) ? EdmModelBuilder.NavigationName(name) : null);
        return new ODataQueryOptionParser(_edm.Model, binding.Type, binding.Set, raw)
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = false },
            Settings = { MaximumExpansionDepth = 1 },
        };
    }

    private FilterNode? Filter(ODataQueryOptionParser parser, EdmEntityBinding binding) =>
        parser.ParseFilter() is { } clause ? new FilterTranslator(binding, BindingOf).Translate(clause.Expression) : null;

    // EDM types are named after their tables (EdmModelBuilder).
    private EdmEntityBinding? BindingOf(IEdmEntityType type) => _edm.Find(type.Name);

    private static IReadOnlyList<OrderTerm>? Order(ODataQueryOptionParser parser, EdmEntityBinding binding)
    {
        var terms = new List<OrderTerm>();
        for (var clause = parser.ParseOrderBy(); clause is not null; clause = clause.ThenBy)
        {
            var expression = clause.Expression;
            while (expression is ConvertNode convert) expression = convert.Source;
            if (expression is not SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } property ||
                binding.Table.FindColumn(property.Property.Name) is not { } column)
                throw new QueryException("Only fields of the record itself can be sorted on.");
            if (column.Kind == ValueKind.StringList) throw new QueryException($"Multichoice field '{column.Name}' cannot be sorted on.");
            if (column.IsEncrypted) throw new QueryException($"Field '{column.Name}' is encrypted and cannot be sorted on.");
            if (terms.Any(t => t.Field == column.Name)) throw new QueryException($"Field '{column.Name}' appears more than once.");
            terms.Add(new OrderTerm(column.Name, clause.Direction == OrderByDirection.Descending));
        }
        return terms.Count > 0 ? terms : null;
    }

    private static Selection? SelectAndExpand(ODataQueryOptionParser parser, EdmEntityBinding binding)
    {
        if (parser.ParseSelectAndExpand() is not { } clause) return null;
        var all = clause.AllSelected;
        var fields = new List<string>();
        var expand = new List<ExpandedLookup>();
        foreach (var item in clause.SelectedItems)
        {
            switch (item)
            {
                case ExpandedNavigationSelectItem expanded:
                    var lookup = Expanded(expanded, binding);
                    if (expand.All(e => e.Field != lookup.Field)) expand.Add(lookup);
                    break;
                case ExpandedReferenceSelectItem:
                    throw new QueryException("$expand with $ref is not supported.", "$expand");
                case WildcardSelectItem:
                    all = true;
                    break;
                case PathSelectItem path:
                    var field = SelectedField(path, binding);
                    if (!fields.Contains(field)) fields.Add(field);
                    break;
                default:
                    throw new QueryException($"This $select item is not supported.");
            }
        }
        if (all) return new Selection(null, expand);
        // An expanded lookup's id must be read even when $select leaves it out.
        foreach (var lookup in expand.Where(l => !fields.Contains(l.Field))) fields.Add(lookup.Field);
        return new Selection(fields, expand);
    }

    /// <summary>
    /// The option to blame when $select and $expand (parsed together) fail: the parser does not say which, so with
    /// both given $select is checked on its own.
    /// </summary>
    private string SelectOrExpand(EdmEntityBinding binding, QueryOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Expand)) return "$select";
        if (string.IsNullOrWhiteSpace(options.Select)) return "$expand";
        try
        {
            Parser(binding, new QueryOptions { Select = options.Select }).ParseSelectAndExpand();
            return "$expand";
        }
        catch (ODataException)
        {
            return "$select";
        }
    }

    private static string SelectedField(PathSelectItem path, EdmEntityBinding binding)
    {
        if (path.SelectedPath.Count != 1) throw new QueryException("Only fields of the record itself can be selected.");
        return path.SelectedPath.FirstSegment switch
        {
            PropertySegment property => property.Property.Name,
            NavigationPropertySegment navigation when binding.LookupOf(navigation.NavigationProperty.Name) is { } lookup => lookup,
            _ => throw new QueryException("Only fields of the record itself can be selected."),
        };
    }

    private static ExpandedLookup Expanded(ExpandedNavigationSelectItem item, EdmEntityBinding binding)
    {
        if (item.PathToNavigationProperty.Count != 1 || item.PathToNavigationProperty.LastSegment is not NavigationPropertySegment segment ||
            binding.LookupOf(segment.NavigationProperty.Name) is not { } field)
            throw new QueryException("Only lookup fields can be expanded.", "$expand");
        if (item.FilterOption is not null || item.OrderByOption is not null || item.TopOption is not null || item.SkipOption is not null ||
            item.CountOption is not null || item.SearchOption is not null || item.LevelsOption is not null ||
            item.ComputeOption is not null || item.ApplyOption is not null)
            throw new QueryException($"Inside $expand={field}(...) only $select is supported.", "$expand");
        var target = segment.NavigationProperty.ToEntityType().Name;
        var nested = item.SelectAndExpand;
        if (nested is null || nested.AllSelected && nested.SelectedItems.All(i => i is WildcardSelectItem))
            return new ExpandedLookup(field, target, null);
        var select = new List<string>();
        foreach (var selected in nested.SelectedItems)
        {
            switch (selected)
            {
                case ExpandedReferenceSelectItem:
                    throw new QueryException($"Nested $expand (inside {field}) is not supported.", "$expand");
                case WildcardSelectItem:
                    return new ExpandedLookup(field, target, null);
                case PathSelectItem path:
                    var name = path.SelectedPath.Count == 1 && path.SelectedPath.FirstSegment is PropertySegment p
                        ? p.Property.Name
                        : throw new QueryException($"Only fields of '{target}' can be selected inside $expand={field}(...).", "$expand");
                    if (!select.Contains(name)) select.Add(name);
                    break;
            }
        }
        return new ExpandedLookup(field, target, select);
    }

    private static IReadOnlyList<object?>? After(string token, RecordQuery query, TableModel table, DatabaseProvider provider, List<QueryError> errors)
    {
        string? problem;
        IReadOnlyList<object?>? values = null;
        if (!ContinuationToken.TryDecode(token, out var decoded)) problem = "The continuation token is not valid.";
        else if ((problem = decoded.Mismatch(query)) is null)
        {
            values = decoded.Values;
            // A token is client input: each value must have its column's type before it reaches the store.
            for (var i = 0; i < values.Count && problem is null; i++)
            {
                var column = table.FindColumn(decoded.OrderBy[i].Field);
                if (column is null || values[i] is { } value && (value.GetType() != FieldColumnMapper.StoreTypeOf(column.Kind) || !Storable(column, value, provider)))
                    problem = "The continuation token is not valid.";
            }
        }
        if (problem is null) return values;
        errors.Add(new QueryError("$skiptoken", problem));
        return null;
    }

    // A forged decimal can be too large for SQLite's scaled integers.
    private static bool Storable(ColumnModel column, object value, DatabaseProvider provider)
    {
        try
        {
            ColumnValueCodec.ToDb(column, value, provider);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static int Number(string parameter, string? text, int absent, int max, List<QueryError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return absent;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            errors.Add(new QueryError(parameter, $"{parameter} must be a whole number of 0 or more."));
        else if (value > max)
            errors.Add(new QueryError(parameter, $"{parameter} may be at most {max}; read further pages with the continuation link."));
        else return value;
        return absent;
    }

    // "exact" is ours, not OData's: it is handled here and never reaches the OData parser.
    private static CountMode Count(string? text, List<QueryError> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "false": return CountMode.None;
            case "true": return CountMode.Capped;
            case "exact": return CountMode.Exact;
            default:
                errors.Add(new QueryError("$count", "$count must be true (counts up to 1,000), exact, or false."));
                return CountMode.None;
        }
    }

    /// <summary>Runs one option's translation, turning parser and translation errors into a <see cref="QueryError"/>.</summary>
    private static bool Try<T>(string parameter, List<QueryError> errors, Func<T?> translate, out T? result) where T : class
    {
        try
        {
            result = translate();
            return true;
        }
        catch (ODataException e)
        {
            errors.Add(new QueryError(parameter, e.Message));
        }
        catch (QueryException e)
        {
            errors.Add(new QueryError(e.Parameter ?? parameter, e.Message));
        }
        result = null;
        return false;
    }

    private sealed record Selection(IReadOnlyList<string>? Select, IReadOnlyList<ExpandedLookup> Expand);
}
