using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Providers;

namespace Platform.Storage.Physical;

/// <summary>
/// Where a JSON field definition becomes a column: its value kind, CLR store type, facets and default. The type's
/// part (storage kind, length, precision) comes from its <see cref="FieldTypeDescriptor"/>.
/// </summary>
public static class FieldColumnMapper
{
    public static ColumnModel Map(FieldDefinition field, DatabaseProvider provider)
    {
        // Ciphertext is text of unbounded length whatever the value's kind; the database can only hold and return it.
        if (field.Encrypted)
            return new ColumnModel(field.Name, field.Type.Descriptor.Storage, typeof(string), !field.Required, Field: field);
        var kind = field.Type.Descriptor.Storage;
        var (precision, scale) = DecimalFacets(field);
        var scaledOnDisk = kind == ValueKind.Decimal && provider == DatabaseProvider.Sqlite;
        var storeType = scaledOnDisk ? typeof(long) : StoreTypeOf(kind);
        // Autonumbers are assigned by the platform on insert; the column stays nullable so a field added to a
        // populated table does not need a placeholder value.
        var nullable = !field.Required || field.Type.Descriptor.Computed;
        var defaultValue = field.Default is null ? null : ToStoreValue(ConvertDefault(field, kind), kind, scaledOnDisk ? scale : null);
        return new ColumnModel(
            field.Name, kind, storeType, nullable,
            MaxLength: MaxLengthOf(field),
            Precision: kind == ValueKind.Decimal && !scaledOnDisk ? precision : null,
            Scale: kind == ValueKind.Decimal && !scaledOnDisk ? scale : null,
            DecimalScaleOnDisk: scaledOnDisk ? scale : null,
            DefaultValue: defaultValue,
            Field: field);
    }

    public static Type StoreTypeOf(ValueKind kind) => Records.ColumnForms.Table[kind].StoreType;

    /// <summary>The longest text the field holds (its type's default when the definition has none); null for no limit.</summary>
    public static int? MaxLengthOf(FieldDefinition field) => field.Type.Descriptor.MaxLength(field);

    /// <summary>Precision and scale of a decimal field; (0, 0) for other kinds.</summary>
    public static (int Precision, int Scale) DecimalFacets(FieldDefinition field) => field.Type.Descriptor.DecimalFacets(field) ?? (0, 0);

    /// <summary>Turns a definition's JSON default into the platform value of the field's kind.</summary>
    public static object? ConvertDefault(FieldDefinition field, ValueKind kind) => field.Default is { } node ? kind.ReadDefault(node) : null;

    /// <summary>The value as it is written to the column (scaled decimals, JSON text for lists).</summary>
    public static object? ToStoreValue(object? value, ValueKind kind, int? scaleOnDisk) => value switch
    {
        null => null,
        decimal d when scaleOnDisk is { } s => decimal.ToInt64(decimal.Round(d * Pow10(s), 0, MidpointRounding.AwayFromZero)),
        string[] list when kind == ValueKind.StringList => JsonSerializer.Serialize(list),
        _ => value,
    };

    public static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }

    internal static JsonNode? Clone(JsonNode? node) => node?.DeepClone();
}
