namespace Platform.Metadata.FieldTypes;

/// <summary>The OData <c>$filter</c> operators each storage kind supports (what FilterTranslator accepts).</summary>
public static class FilterOperators
{
    private static readonly string[] Text = ["eq", "ne", "gt", "ge", "lt", "le", "in", "contains", "startswith", "endswith"];
    private static readonly string[] Ordered = ["eq", "ne", "gt", "ge", "lt", "le", "in"];
    private static readonly string[] Equality = ["eq", "ne", "in"];
    private static readonly string[] Flag = ["eq", "ne", "not"];
    private static readonly string[] List = ["any"];

    public static IReadOnlyList<string> Of(ValueKind kind) => kind switch
    {
        ValueKind.String => Text,
        ValueKind.Integer or ValueKind.Decimal or ValueKind.Date or ValueKind.DateTime => Ordered,
        ValueKind.Boolean => Flag,
        ValueKind.Guid => Equality,
        ValueKind.StringList => List,
    };
}
