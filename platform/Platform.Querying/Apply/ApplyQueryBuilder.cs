using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;
using Platform.Metadata.FieldTypes;
using Platform.Querying.Edm;
using Platform.Storage.Physical;
using Platform.Storage.Records;
using Platform.Storage.Records.Aggregates;

namespace Platform.Querying.Apply;

/// <summary>
/// Folds the parsed transformations of $apply, in order, into one <see cref="AggregateQuery"/>: filter() steps become the
/// WHERE, compute() defines date parts the grouping may use, exactly one groupby() or aggregate() groups, and filter()
/// steps after it keep groups by their values (the HAVING).
/// Anything the database could not run as one GROUP BY is refused with a <see cref="QueryException"/>.
/// </summary>
internal sealed class ApplyQueryBuilder(EdmEntityBinding binding, Func<IEdmEntityType, EdmEntityBinding?> bindings)
{
    // Kinds are descriptor instances (compared by reference), so the aggregable ones are sets rather than patterns.
    private static readonly HashSet<ValueKind> NumberKinds = [ValueKind.Integer, ValueKind.Decimal];
    private static readonly HashSet<ValueKind> DateKinds = [ValueKind.Date, ValueKind.DateTime];

    private readonly Dictionary<string, GroupKey> _computed = new(StringComparer.Ordinal);
    private FilterNode? _filter;
    private List<GroupKey>? _keys;
    private List<AggregateTerm> _aggregates = [];
    private ResultCondition? _having;

    public void Add(TransformationNode transformation)
    {
        if (_keys is not null)
        {
            // After the grouping, filter() keeps groups by their values (HAVING); nothing else may follow.
            if (transformation is not FilterTransformationNode having)
                throw new QueryException("Only filter() may follow groupby() or aggregate(): compute() comes before them, and $orderby/$top sort and page the result.");
            var condition = new ResultConditionTranslator(binding.Table, _keys, _aggregates).Translate(having.FilterClause.Expression);
            _having = _having is null ? condition : new ResultAnd(_having, condition);
            return;
        }
        switch (transformation)
        {
            case FilterTransformationNode filter:
                var condition = new FilterTranslator(binding, bindings).Translate(filter.FilterClause.Expression);
                _filter = _filter is null ? condition : new AndNode(_filter, condition);
                break;
            case ComputeTransformationNode compute:
                foreach (var expression in compute.Expressions) Compute(expression);
                break;
            case GroupByTransformationNode groupBy:
                _keys = groupBy.GroupingProperties.Select(Key).ToList();
                if (groupBy.ChildTransformations is AggregateTransformationNode child) _aggregates = Aggregates(child);
                else if (groupBy.ChildTransformations is not null)
                    throw new QueryException("Inside groupby() only aggregate(...) may follow the grouped fields.");
                break;
            case AggregateTransformationNode aggregate:
                _keys = [];
                _aggregates = Aggregates(aggregate);
                break;
            default:
                throw new QueryException($"The transformation '{transformation.Kind.ToString().ToLowerInvariant()}' is not supported; use filter, compute, groupby or aggregate.");
        }
    }

    public AggregateQuery Build()
    {
        if (_keys is null) throw new QueryException("$apply must end with groupby(...) or aggregate(...).");
        var aliases = _keys.Select(k => k.Alias).Concat(_aggregates.Select(a => a.Alias)).ToList();
        if (aliases.GroupBy(a => a, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new QueryException($"The name '{twice.Key}' is used twice in the result.");
        return new AggregateQuery(binding.Table.Name) { Filter = _filter, GroupBy = _keys, Aggregates = _aggregates, Having = _having };
    }

    private void Compute(ComputeExpression expression)
    {
        var call = Unwrap(expression.Expression) as SingleValueFunctionCallNode;
        DatePart? part = call?.Name switch { "year" => DatePart.Year, "month" => DatePart.Month, "day" => DatePart.Day, _ => null };
        if (call is null || part is null || call.Parameters.Count() != 1 || call.Parameters.Single() is not SingleValueNode argument)
            throw new QueryException($"compute() supports year(field), month(field) and day(field) only ('{expression.Alias}').");
        var column = Column(Unwrap(argument), "computed");
        if (!DateKinds.Contains(column.Kind))
            throw new QueryException($"{call.Name}() needs a date or date-time field; '{column.Name}' is not one.");
        if (binding.Table.FindColumn(expression.Alias) is not null || !_computed.TryAdd(expression.Alias, new GroupKey(expression.Alias, column.Name, part)))
            throw new QueryException($"The name '{expression.Alias}' is already taken.");
    }

    private GroupKey Key(GroupByPropertyNode property)
    {
        if (property.ChildTransformations.Count > 0 || property.Expression is null)
            throw new QueryException($"Group by the lookup itself ('{LookupName(property.Name)}'): related records are grouped by their id.");
        return Unwrap(property.Expression) switch
        {
            SingleValueOpenPropertyAccessNode open when _computed.TryGetValue(open.Name, out var computed) => computed,
            SingleValueOpenPropertyAccessNode open => throw new QueryException($"There is no field or computed value named '{open.Name}'."),
            var node => Grouped(Column(node, "grouped")),
        };
    }

    private static GroupKey Grouped(ColumnModel column) => column.Kind == ValueKind.StringList
        ? throw new QueryException($"Multichoice field '{column.Name}' cannot be grouped by.")
        : new GroupKey(column.Name, column.Name);

    private List<AggregateTerm> Aggregates(AggregateTransformationNode node) => node.AggregateExpressions.Select(expression => expression switch
    {
        AggregateExpression { Method: AggregationMethod.VirtualPropertyCount } count => new AggregateTerm(count.Alias, AggregateMethod.Count, null),
        AggregateExpression aggregate => Term(aggregate),
        _ => throw new QueryException($"Aggregating related records ('{expression.Alias}') is not supported; aggregate fields of the record itself."),
    }).ToList();

    private AggregateTerm Term(AggregateExpression aggregate)
    {
        var method = aggregate.Method switch
        {
            AggregationMethod.Sum => AggregateMethod.Sum,
            AggregationMethod.Average => AggregateMethod.Average,
            AggregationMethod.Min => AggregateMethod.Min,
            AggregationMethod.Max => AggregateMethod.Max,
            AggregationMethod.CountDistinct => AggregateMethod.CountDistinct,
            _ => throw new QueryException($"The aggregation method of '{aggregate.Alias}' is not supported; use sum, average, min, max, countdistinct or $count."),
        };
        var column = Column(Unwrap(aggregate.Expression), "aggregated");
        var fits = method switch
        {
            AggregateMethod.Sum or AggregateMethod.Average => NumberKinds.Contains(column.Kind),
            AggregateMethod.Min or AggregateMethod.Max => NumberKinds.Contains(column.Kind) || DateKinds.Contains(column.Kind) || column.Kind == ValueKind.String,
            _ => column.Kind != ValueKind.StringList,
        };
        if (!fits)
            throw new QueryException($"'{column.Name}' ({column.Field?.Type.ToString().ToLowerInvariant() ?? column.Kind.ToString().ToLowerInvariant()}) cannot be aggregated with {method.ToString().ToLowerInvariant()}.");
        return new AggregateTerm(aggregate.Alias, method, column.Name);
    }

    /// <summary>A field of the record itself; encrypted ones are refused (the database holds only ciphertext).</summary>
    private ColumnModel Column(QueryNode? node, string verb)
    {
        if (node is not SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } property)
            throw new QueryException($"Only fields of the record itself can be {verb}.");
        var column = binding.Table.FindColumn(property.Property.Name)
                     ?? throw new QueryException($"Could not find a field named '{property.Property.Name}'.");
        return column.IsEncrypted ? throw new QueryException($"Field '{column.Name}' is encrypted and cannot be {verb}.") : column;
    }

    private static string LookupName(string name) =>
        name.EndsWith(EdmModelBuilder.NavigationSuffix, StringComparison.Ordinal) ? name[..^EdmModelBuilder.NavigationSuffix.Length] : name;

    private static QueryNode? Unwrap(QueryNode? node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;
}
