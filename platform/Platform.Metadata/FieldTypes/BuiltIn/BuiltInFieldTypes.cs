namespace Platform.Metadata.FieldTypes.BuiltIn;

/// <summary>The field types every platform has, in the order documents and the README list them.</summary>
public static class BuiltInFieldTypes
{
    public static IReadOnlyList<FieldTypeDescriptor> All { get; } =
    [
        new TextFieldType(), new LongTextFieldType(), new IntegerFieldType(), new DecimalFieldType(), new CurrencyFieldType(),
        new BooleanFieldType(), new DateFieldType(), new DateTimeFieldType(), new ChoiceFieldType(), new MultiChoiceFieldType(),
        new EmailFieldType(), new PhoneFieldType(), new UrlFieldType(), new LookupFieldType(), new AutoNumberFieldType(),
    ];
}
