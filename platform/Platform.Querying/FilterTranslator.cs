using ConstantNode = Platform.Storage.Records.ConstantNode;
using InNode = Platform.Storage.Records.InNode;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using ODataConstant = Microsoft.OData.UriParser.ConstantNode;
using ODataIn = Microsoft.OData.UriParser.InNode;
using Platform.Metadata.FieldTypes;
using Platform.Querying.Edm;
using Platform.Storage.Physical;
using Platform.Storage.Records;

namespace Platform.Querying;

/// <summary>
/// Turns the AST the OData parser produced for $filter into a storage-neutral <see cref="FilterNode"/>.
/// Only the shapes the platform supports are accepted; anything else is refused with a message naming it.
/// </summary>
/// <param name="bindings">Finds the entity a lookup's navigation leads to, for conditions on a related record.</param>
/// <param name="via">Set when translating a related record's condition: the navigation its fields are reached through.</param>
internal sealed class FilterTranslator(EdmEntityBinding entity, Func<IEdmEntityType, EdmEntityBinding?> bindings, string? via = null)
{
    private int _inValues;

    public FilterNode Translate(SingleValueNode expression) => Node(expression);

    private FilterNode Node(SingleValueNode node) => via is null && Navigation(node) is { } navigation ? Related(node, navigation) : node switch
    {
        ConvertNode convert => Node(convert.Source),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => new AndNode(Node(and.Left), Node(and.Right)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => new OrNode(Node(or.Left), Node(or.Right)),
        BinaryOperatorNode binary => Comparison(binary),
        // OData: "not flag" is null (no row) where flag is null, unlike "not (x eq v)", which is true there.
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not, Operand: SingleValuePropertyAccessNode flag } when Column(flag).Kind == ValueKind.Boolean =>
            new ComparisonNode(Column(flag).Name, ComparisonOperator.Eq, false),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => new NotNode(Node(not.Operand)),
        ODataIn inNode => In(inNode),
        SingleValueFunctionCallNode call => Function(call),
        AnyNode any => Any(any),
        AllNode => throw new QueryException("all() is not supported; use any()."),
        ODataConstant { Value: bool value } => new ConstantNode(value),
        // A boolean field on its own ("$filter=is_active") means "is true".
        SingleValuePropertyAccessNode property when Column(property).Kind == ValueKind.Boolean =>
            new ComparisonNode(Column(property).Name, ComparisonOperator.Eq, true),
        _ => throw Unsupported(node),
    };

    /// <summary>The comparison an OData binary operator stands for; and/or are not comparisons.</summary>
    internal static ComparisonOperator Operator(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equal => ComparisonOperator.Eq,
        BinaryOperatorKind.NotEqual => ComparisonOperator.Ne,
        BinaryOperatorKind.GreaterThan => ComparisonOperator.Gt,
        BinaryOperatorKind.GreaterThanOrEqual => ComparisonOperator.Ge,
        BinaryOperatorKind.LessThan => ComparisonOperator.Lt,
        BinaryOperatorKind.LessThanOrEqual => ComparisonOperator.Le,
        _ => throw new QueryException($"The operator '{kind}' is not supported."),
    };

    private FilterNode Comparison(BinaryOperatorNode node)
    {
        var op = Operator(node.OperatorKind);
        var left = Unwrap(node.Left);
        var right = Unwrap(node.Right);
        switch (left, right)
        {
            case (SingleValuePropertyAccessNode field, ODataConstant constant):
                return Compare(field, op, constant);
            case (ODataConstant constant, SingleValuePropertyAccessNode field):
                return Compare(field, Mirror(op), constant);
            case (SingleValuePropertyAccessNode a, SingleValuePropertyAccessNode b):
                throw new QueryException(
                    $"Comparing field '{a.Property.Name}' with field '{b.Property.Name}' is not supported; compare a field with a value.");
            case (ODataConstant, ODataConstant):
                throw new QueryException("A comparison needs a field on one side.");
            default:
                throw Unsupported(left is SingleValuePropertyAccessNode or ODataConstant ? right : left);
        }
    }

    private ComparisonNode Compare(SingleValuePropertyAccessNode field, ComparisonOperator op, ODataConstant constant)
    {
        var column = Column(field);
        return new ComparisonNode(column.Name, op, ODataLiteralValueReader.ToPlatform(constant.Value, column));
    }

    private InNode In(ODataIn node)
    {
        if (Unwrap(node.Left) is not SingleValuePropertyAccessNode field)
            throw new QueryException("The left side of 'in' must be a field.");
        var column = Column(field);
        return new InNode(column.Name, Constants(node.Right).Select(c => ODataLiteralValueReader.ToPlatform(c.Value, column)).ToList());
    }

    private StringMatchNode Function(SingleValueFunctionCallNode call)
    {
        var match = call.Name switch
        {
            "contains" => StringMatch.Contains,
            "startswith" => StringMatch.StartsWith,
            "endswith" => StringMatch.EndsWith,
            _ => throw new QueryException($"The function '{call.Name}' is not supported; use contains, startswith or endswith."),
        };
        var arguments = call.Parameters.Select(p => p is SingleValueNode single ? Unwrap(single) : p).ToList();
        if (arguments is not [SingleValuePropertyAccessNode field, ODataConstant constant])
            throw new QueryException($"{call.Name}() takes a field and then a text value, e.g. {call.Name}(name,'abc').");
        var column = Column(field);
        if (column.Kind != ValueKind.String)
            throw new QueryException($"{call.Name}() needs a text field; '{column.Name}' is not one.");
        if (constant.Value is not string value)
            throw new QueryException($"{call.Name}() needs a text value, not null.");
        return new StringMatchNode(column.Name, match, value);
    }

    /// <summary>multichoice/any(t: t eq 'a'), any(t: t in ('a','b')) and or-combinations of them.</summary>
    private ListContainsAnyNode Any(AnyNode any)
    {
        if (any.Source is not CollectionPropertyAccessNode { Source: ResourceRangeVariableReferenceNode } source ||
            entity.Table.FindColumn(source.Property.Name) is not { } column || column.Kind != ValueKind.StringList)
            throw new QueryException("any() is supported on multichoice fields only.");
        var variable = any.CurrentRangeVariable?.Name;
        if (any.Body is ODataConstant)
            throw new QueryException($"{column.Name}/any() needs a condition, e.g. {column.Name}/any(t: t eq 'value').");
        var values = AnyValues(any.Body, variable, column.Name).Distinct(StringComparer.Ordinal).ToList();
        return new ListContainsAnyNode(column.Name, values);
    }

    private IEnumerable<string> AnyValues(SingleValueNode body, string? variable, string field)
    {
        body = Unwrap(body);
        switch (body)
        {
            case BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or:
                return AnyValues(or.Left, variable, field).Concat(AnyValues(or.Right, variable, field)).ToList();
            case BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Equal } eq:
                var (l, r) = (Unwrap(eq.Left), Unwrap(eq.Right));
                var constant = IsVariable(l, variable) ? r as ODataConstant : IsVariable(r, variable) ? l as ODataConstant : null;
                if (constant is not null) return [Text(constant, field)];
                break;
            case ODataIn inNode when IsVariable(Unwrap(inNode.Left), variable):
                return Constants(inNode.Right).Select(c => Text(c, field)).ToList();
        }
        throw new QueryException(
            $"Inside {field}/any() only '{variable} eq <value>', '{variable} in (<values>)' and 'or' are supported.");
    }

    private static bool IsVariable(SingleValueNode node, string? variable) =>
        node is NonResourceRangeVariableReferenceNode reference && reference.Name == variable;

    private static string Text(ODataConstant constant, string field) =>
        constant.Value as string ?? throw new QueryException($"Values of multichoice field '{field}' are text, not null.");

    private IReadOnlyList<ODataConstant> Constants(CollectionNode node)
    {
        if (node is not CollectionConstantNode list) throw new QueryException("The right side of 'in' must be a list of values.");
        _inValues += list.Collection.Count;
        if (_inValues > QueryLimits.MaxInValues)
            throw new QueryException($"'in' lists may hold at most {QueryLimits.MaxInValues} values in all.");
        return list.Collection.ToList();
    }

    /// <summary>
    /// A condition on the record a lookup points to (one level: <c>account/name</c>), as its own translation over that
    /// entity's fields. Each comparison becomes its own related condition; a lookup points to one record, so
    /// "account/name eq 'A' and account/city eq 'B'" still means one account with both.
    /// </summary>
    private FilterNode Related(SingleValueNode node, SingleNavigationNode navigation)
    {
        if (navigation.Source is not ResourceRangeVariableReferenceNode)
            throw new QueryException("Only one lookup may be followed in a filter (account/name, not account/owner/name).");
        var lookup = entity.LookupOf(navigation.NavigationProperty.Name)
                     ?? throw new QueryException($"'{navigation.NavigationProperty.Name}' is not a lookup field.");
        var target = bindings(navigation.NavigationProperty.ToEntityType())
                     ?? throw new QueryException($"The entity '{lookup}' points to is not known.");
        var inner = new FilterTranslator(target, bindings, navigation.NavigationProperty.Name).Node(node);
        return new RelatedNode(lookup, target.Table.Name, inner);
    }

    /// <summary>The navigation a comparison's fields are reached through, or null when they are the record's own.</summary>
    private static SingleNavigationNode? Navigation(SingleValueNode node)
    {
        var properties = Properties(node).ToList();
        var navigations = properties.Select(p => p.Source).OfType<SingleNavigationNode>().ToList();
        if (navigations.Count == 0) return null;
        if (navigations.Count != properties.Count || navigations.Select(n => n.NavigationProperty.Name).Distinct().Count() > 1)
            throw new QueryException("A comparison may use fields of one related record only, not mix them with others.");
        return navigations[0];
    }

    /// <summary>The fields one comparison (not an and/or/any) reads.</summary>
    private static IEnumerable<SingleValuePropertyAccessNode> Properties(SingleValueNode node) => node switch
    {
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } => [],
        ConvertNode convert => Properties(convert.Source),
        BinaryOperatorNode binary => Properties(binary.Left).Concat(Properties(binary.Right)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not, Operand: SingleValuePropertyAccessNode flag } => [flag],
        ODataIn inNode when inNode.Left is SingleValueNode left => Properties(left),
        SingleValueFunctionCallNode call => call.Parameters.OfType<SingleValueNode>().SelectMany(Properties),
        SingleValuePropertyAccessNode property => [property],
        _ => [],
    };

    private ColumnModel Column(SingleValuePropertyAccessNode node)
    {
        var reachable = via is null
            ? node.Source is ResourceRangeVariableReferenceNode
            : node.Source is SingleNavigationNode navigation && navigation.NavigationProperty.Name == via;
        if (!reachable)
            throw new QueryException($"Only fields of the record itself or of a record one of its lookups points to can be filtered on, not '{node.Property.Name}'.");
        var column = entity.Table.FindColumn(node.Property.Name)
                     ?? throw new QueryException($"Could not find a field named '{node.Property.Name}'.");
        // Ciphertext with a random nonce cannot be compared by the database.
        return column.IsEncrypted ? throw new QueryException($"Field '{column.Name}' is encrypted and cannot be filtered on.") : column;
    }

    private static SingleValueNode Unwrap(SingleValueNode node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;

    /// <summary>The operator with its sides swapped (<c>5 lt x</c> is <c>x gt 5</c>).</summary>
    internal static ComparisonOperator Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Gt => ComparisonOperator.Lt,
        ComparisonOperator.Ge => ComparisonOperator.Le,
        ComparisonOperator.Lt => ComparisonOperator.Gt,
        ComparisonOperator.Le => ComparisonOperator.Ge,
        _ => op,
    };

    private static QueryException Unsupported(QueryNode node) => node switch
    {
        SingleValueFunctionCallNode call => new QueryException(
            $"The function '{call.Name}' is not supported here; compare a field with a value, or use contains, startswith or endswith."),
        ParameterAliasNode alias => new QueryException($"Parameter aliases ({alias.Alias}) are not supported."),
        SingleNavigationNode or SingleResourceNode => new QueryException("Only fields of the record itself can be filtered on."),
        SingleValuePropertyAccessNode property => new QueryException($"Field '{property.Property.Name}' must be compared with a value."),
        BinaryOperatorNode binary => new QueryException($"The operator '{binary.OperatorKind}' is not supported here."),
        UnaryOperatorNode unary => new QueryException($"The operator '{unary.OperatorKind}' is not supported."),
        _ => new QueryException($"This kind of expression ({node.Kind}) is not supported in $filter."),
    };
}
