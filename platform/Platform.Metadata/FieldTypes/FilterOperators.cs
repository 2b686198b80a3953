namespace Platform.Metadata.FieldTypes;

/// <summary>The OData <c>$filter</c> operator sets storage kinds support (what FilterTranslator accepts).</summary>
public static class FilterOperators
{
    internal static readonly string[] Text = ["eq", "ne", "gt", "ge", "lt", "le", "in", "contains", "startswith", "endswith"];
    internal static readonly string[] Ordered = ["eq", "ne", "gt", "ge", "lt", "le", "in"];
    internal static readonly string[] Equality = ["eq", "ne", "in"];
    internal static readonly string[] Flag = ["eq", "ne", "not"];
    internal static readonly string[] List = ["any"];

    public static IReadOnlyList<string> Of(ValueKind kind) => kind.FilterOperators;
}
