using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;

namespace Platform.FieldTypes.Tests;

/// <summary>
/// A plugin's field type: a percentage 0–100 with two decimals, stored as a decimal. This class and
/// <c>services.AddFieldType&lt;PercentFieldType&gt;()</c> are all it takes.
/// </summary>
public sealed class PercentFieldType : FieldTypeDescriptor
{
    public override string Name => "percent";
    public override ValueKind Storage => ValueKind.Decimal;
    public override LocalizedText Label { get; } = new(new Dictionary<string, string> { ["en"] = "Percent", ["zh-CN"] = "百分比" });

    public override (int Precision, int Scale)? DecimalFacets(FieldDefinition field) => (5, 2);

    public override string? CheckValue(FieldDefinition field, object value) =>
        value is decimal d && (d < 0 || d > 100) ? $"must be a percentage from 0 to 100, not {d}" : null;

    public override void DescribeValue(FieldDefinition field, JsonObject schema)
    {
        schema["minimum"] = 0;
        schema["maximum"] = 100;
        schema["multipleOf"] = 0.01m;
    }

    public override JsonNode? Example(FieldDefinition field) => 33.33m;

    /// <summary>A share says too much to show in part.</summary>
    public override string? Mask(string text) => null;

    protected override object? Placeholder(FieldDefinition field, Guid recordId) => 0m;
}
