using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Metadata.FieldTypes;
using Platform.Metadata.FieldTypes.BuiltIn;

namespace Platform.Metadata.Definitions;

/// <summary>
/// A field's type as a document names it ("multichoice"): any name in the <see cref="FieldTypeRegistry"/>, so a plugin's
/// type reads like a built-in one. What the type means lives in its <see cref="FieldTypeDescriptor"/>, resolved once
/// per instance. The statics name the built-in types for code that treats one of them specially.
/// </summary>
[JsonConverter(typeof(FieldTypeJsonConverter))]
public sealed class FieldType : IEquatable<FieldType>
{
    public static readonly FieldType Text = new(TextFieldType.TypeName);
    public static readonly FieldType LongText = new(LongTextFieldType.TypeName);
    public static readonly FieldType Integer = new(IntegerFieldType.TypeName);
    public static readonly FieldType Decimal = new(DecimalFieldType.TypeName);
    public static readonly FieldType Currency = new(CurrencyFieldType.TypeName);
    public static readonly FieldType Boolean = new(BooleanFieldType.TypeName);
    public static readonly FieldType Date = new(DateFieldType.TypeName);
    public static readonly FieldType DateTime = new(DateTimeFieldType.TypeName);
    public static readonly FieldType Choice = new(ChoiceFieldType.TypeName);
    public static readonly FieldType MultiChoice = new(MultiChoiceFieldType.TypeName);
    public static readonly FieldType Email = new(EmailFieldType.TypeName);
    public static readonly FieldType Phone = new(PhoneFieldType.TypeName);
    public static readonly FieldType Url = new(UrlFieldType.TypeName);
    public static readonly FieldType Lookup = new(LookupFieldType.TypeName);
    public static readonly FieldType AutoNumber = new(AutoNumberFieldType.TypeName);

    private FieldTypeDescriptor? _descriptor;

    public FieldType(string name) => Name = name;

    public string Name { get; }

    /// <summary>True when the registry knows the name; validation reports unknown types before anything uses them.</summary>
    public bool IsRegistered => _descriptor is not null || FieldTypeRegistry.Default.Find(Name) is not null;

    /// <summary>The type's descriptor, looked up on first use only (hot paths read a field, not a dictionary).</summary>
    public FieldTypeDescriptor Descriptor => _descriptor ??= FieldTypeRegistry.Default.Get(Name);

    public bool Equals(FieldType? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FieldType other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;

    public static bool operator ==(FieldType? left, FieldType? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(FieldType? left, FieldType? right) => !(left == right);
}

/// <summary>Reads and writes a field type as its name; an unknown name is read as is and reported by validation.</summary>
internal sealed class FieldTypeJsonConverter : JsonConverter<FieldType>
{
    public override FieldType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new FieldType(reader.GetString()!)
            : throw new JsonException("A field type is a string such as \"text\".");

    public override void Write(Utf8JsonWriter writer, FieldType value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}

[JsonConverter(typeof(JsonStringEnumConverter<DeleteBehavior>))]
public enum DeleteBehavior
{
    [JsonStringEnumMemberName("restrict")] Restrict,
    [JsonStringEnumMemberName("setNull")] SetNull,
    [JsonStringEnumMemberName("cascade")] Cascade,
}

[JsonConverter(typeof(JsonStringEnumConverter<RelationType>))]
public enum RelationType
{
    [JsonStringEnumMemberName("manyToMany")] ManyToMany,
}
