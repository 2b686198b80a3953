using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>A field property that only some field types have (the schema's if/then rules, for in-memory modules).</summary>
internal sealed record TypeSpecificProperty(string Name, Func<FieldDefinition, bool> IsSet, IReadOnlyList<FieldType> Types)
{
    private static readonly FieldType[] TextLike = [FieldType.Text, FieldType.LongText, FieldType.Email, FieldType.Phone, FieldType.Url];
    private static readonly FieldType[] Decimals = [FieldType.Decimal, FieldType.Currency];
    private static readonly FieldType[] Numeric = [FieldType.Integer, FieldType.Decimal, FieldType.Currency];
    private static readonly FieldType[] Choices = [FieldType.Choice, FieldType.MultiChoice];

    public static IReadOnlyList<TypeSpecificProperty> All { get; } =
    [
        new("maxLength", f => f.MaxLength is not null, TextLike),
        new("precision", f => f.Precision is not null, Decimals),
        new("scale", f => f.Scale is not null, Decimals),
        new("min", f => f.Min is not null, Numeric),
        new("max", f => f.Max is not null, Numeric),
        new("options", f => f.Options is not null, Choices),
        new("target", f => f.Target is not null, [FieldType.Lookup]),
        new("onDelete", f => f.OnDelete is not null, [FieldType.Lookup]),
        new("format", f => f.Format is not null, [FieldType.AutoNumber]),
    ];

    public string? Check(FieldDefinition field) => IsSet(field) && !Types.Contains(field.Type)
        ? $"'{Name}' is not allowed on a {FieldTypeNames.Of(field.Type)} field; only {FieldTypeNames.List(Types)} fields have it"
        : null;
}
