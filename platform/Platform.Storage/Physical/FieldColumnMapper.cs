using Platform.Metadata.FieldTypes;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Storage.Providers;

namespace Platform.Storage.Physical;

/// <summary>Where a JSON field definition becomes a column: its value kind, CLR store type, facets and default.</summary>
public static class FieldColumnMapper
{
    public const int DefaultTextLength = 255;
    public const int ChoiceLength = 100;
    public const int AutoNumberLength = 100;

    public static ColumnModel Map(FieldDefinition field, DatabaseProvider provider)
    {
        // Ciphertext is text of unbounded length whatever the value's kind; the database can only hold and return it.
        if (field.Encrypted)
            return new ColumnModel(field.Name, KindOf(field.Type), typeof(string), !field.Required, Field: field);
        var kind = KindOf(field.Type);
        var (precision, scale) = DecimalFacets(field);
        var scaledOnDisk = kind == ValueKind.Decimal && provider == DatabaseProvider.Sqlite;
        var storeType = scaledOnDisk ? typeof(long) : StoreTypeOf(kind);
        // Autonumbers are assigned by the platform on insert; the column stays nullable so a field added to a
        // populated table does not need a placeholder value.
        var nullable = !field.Required || field.Type == FieldType.AutoNumber;
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

    public static ValueKind KindOf(FieldType type) => type switch
    {
        FieldType.Integer => ValueKind.Integer,
        FieldType.Decimal or FieldType.Currency => ValueKind.Decimal,
        FieldType.Boolean => ValueKind.Boolean,
        FieldType.Date => ValueKind.Date,
        FieldType.DateTime => ValueKind.DateTime,
        FieldType.Lookup => ValueKind.Guid,
        FieldType.MultiChoice => ValueKind.StringList,
        _ => ValueKind.String,
    };

    public static Type StoreTypeOf(ValueKind kind) => kind switch
    {
        ValueKind.Integer => typeof(long),
        ValueKind.Decimal => typeof(decimal),
        ValueKind.Boolean => typeof(bool),
        ValueKind.Date => typeof(DateOnly),
        ValueKind.DateTime => typeof(DateTime),
        ValueKind.Guid => typeof(Guid),
        _ => typeof(string),
    };

    public static int? MaxLengthOf(FieldDefinition field) => field.Type switch
    {
        FieldType.Text => field.MaxLength ?? DefaultTextLength,
        FieldType.Email => field.MaxLength ?? 320,
        FieldType.Phone => field.MaxLength ?? 50,
        FieldType.Url => field.MaxLength ?? 2048,
        FieldType.Choice => ChoiceLength,
        FieldType.AutoNumber => AutoNumberLength,
        _ => null,
    };

    public static (int Precision, int Scale) DecimalFacets(FieldDefinition field) => field.Type switch
    {
        FieldType.Currency => (field.Precision ?? 18, field.Scale ?? 2),
        FieldType.Decimal => (field.Precision ?? 18, field.Scale ?? 4),
        _ => (0, 0),
    };

    /// <summary>Turns a definition's JSON default into the platform value of the field's kind.</summary>
    public static object? ConvertDefault(FieldDefinition field, ValueKind kind)
    {
        var node = field.Default;
        if (node is null) return null;
        return kind switch
        {
            ValueKind.Integer => node.GetValue<long>(),
            ValueKind.Decimal => node.GetValue<decimal>(),
            ValueKind.Boolean => node.GetValue<bool>(),
            ValueKind.Date => DateOnly.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
            ValueKind.DateTime => DateTime.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            ValueKind.StringList => node is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToArray() : new[] { node.GetValue<string>() },
            _ => node.GetValue<string>(),
        };
    }

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
