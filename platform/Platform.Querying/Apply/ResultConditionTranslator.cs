using Microsoft.OData.UriParser;
using Platform.Storage.Physical;
using Platform.Storage.Records;
using Platform.Storage.Records.Aggregates;
using ConstantNode = Microsoft.OData.UriParser.ConstantNode;

namespace Platform.Querying.Apply;

/// <summary>
/// Translates the expression of a <c>filter()</c> that follows <c>groupby()</c>/<c>aggregate()</c> into a
/// <see cref="ResultCondition"/> over the result's names: grouped fields, computed date parts and aggregate aliases,
/// each compared with a constant of its kind, joined with and/or/not.
/// </summary>
internal sealed class ResultConditionTranslator(TableModel table, IReadOnlyList<GroupKey> keys, IReadOnlyList<AggregateTerm> aggregates)
{
    public ResultCondition Translate(SingleValueNode expression) => Node(expression);

    private ResultCondition Node(SingleValueNode node) => node switch
    {
        ConvertNode convert => Node(convert.Source),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => new ResultAnd(Node(and.Left), Node(and.Right)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => new ResultOr(Node(or.Left), Node(or.Right)),
        BinaryOperatorNode binary => Comparison(binary),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => new ResultNot(Node(not.Operand)),
        _ => throw new QueryException(
            $"A filter() after the grouping compares the result's values with constants (e.g. total gt 1000); '{node.Kind}' is not supported there."),
    };

    private ResultComparison Comparison(BinaryOperatorNode node)
    {
        var op = FilterTranslator.Operator(node.OperatorKind);
        return (Unwrap(node.Left), Unwrap(node.Right)) switch
        {
            (var name, ConstantNode constant) when Alias(name) is { } alias => Compare(alias, op, constant.Value),
            (ConstantNode constant, var name) when Alias(name) is { } alias => Compare(alias, FilterTranslator.Mirror(op), constant.Value),
            _ => throw new QueryException(
                $"A filter() after the grouping compares one of the result's names ({string.Join(", ", Names())}) with a value."),
        };
    }

    private ResultComparison Compare(string alias, ComparisonOperator op, object? value) =>
        new(alias, op, value is null ? null : ValueOf(alias, value));

    /// <summary>The constant as the alias's platform value (see <see cref="ResultComparison"/>).</summary>
    private object ValueOf(string alias, object value)
    {
        object? converted;
        if (keys.FirstOrDefault(k => k.Alias == alias) is { } key)
            converted = key.Part is null ? ODataLiteralValueReader.ToPlatform(value, table.Column(key.Field)) : ODataLiteralValueReader.ToLong(value);
        else
        {
            var term = aggregates.First(a => a.Alias == alias);
            converted = term.Method switch
            {
                AggregateMethod.Count or AggregateMethod.CountDistinct => ODataLiteralValueReader.ToLong(value),
                AggregateMethod.Min or AggregateMethod.Max => ODataLiteralValueReader.ToPlatform(value, table.Column(term.Field!)),
                _ => ODataLiteralValueReader.ToDecimal(value),
            };
        }
        return converted ?? throw new QueryException($"The value {ODataLiteralValueReader.Describe(value)} cannot be compared with '{alias}'.");
    }

    private string? Alias(SingleValueNode node)
    {
        var name = node switch
        {
            SingleValueOpenPropertyAccessNode open => open.Name,
            SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } property => property.Property.Name,
            _ => null,
        };
        if (name is null) return null;
        return Names().Contains(name, StringComparer.Ordinal)
            ? name
            : throw new QueryException($"'{name}' is not a value of the grouped result; use one of: {string.Join(", ", Names())}.");
    }

    private IEnumerable<string> Names() => keys.Select(k => k.Alias).Concat(aggregates.Select(a => a.Alias));

    private static SingleValueNode Unwrap(SingleValueNode node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;
}
