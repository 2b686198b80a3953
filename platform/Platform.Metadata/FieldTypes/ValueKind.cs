using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>
/// A storage kind: the CLR shape a field's value has inside the platform (records, filters, scripts) and the column it
/// is stored in. Field types map onto one of these (<see cref="FieldTypeDescriptor.Storage"/>). The set is closed —
/// one sealed subclass per kind in <c>ValueKinds/</c>, one static instance each — so kinds compare by reference.
/// </summary>
/// <remarks>
/// A kind owns what it means as a platform value (CLR type, JSON Schema type, filter operators, a definition's
/// default, the record JSON form). Representations owned by other projects (column codec, type changes, encrypted
/// text, EDM, OData literals, tagged JSON, CSV) are <see cref="ValueKindTable{T}"/>s in those projects: a table's
/// constructor takes one entry per kind, so a new kind is a compile error in every project until each has its entry.
/// </remarks>
public abstract class ValueKind
{
    public static readonly ValueKind String = new StringValueKind();
    public static readonly ValueKind Integer = new IntegerValueKind();
    public static readonly ValueKind Decimal = new DecimalValueKind();
    public static readonly ValueKind Boolean = new BooleanValueKind();
    public static readonly ValueKind Date = new DateValueKind();
    public static readonly ValueKind DateTime = new DateTimeValueKind();
    public static readonly ValueKind Guid = new GuidValueKind();
    /// <summary>A multichoice value: a list of option values, stored as a JSON array text.</summary>
    public static readonly ValueKind StringList = new StringListValueKind();

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<ValueKind> All { get; } = [String, Integer, Decimal, Boolean, Date, DateTime, Guid, StringList];

    // Kinds have distinct CLR types, so a value's type names its kind (writers that get bare values use this). A scan
    // of a few references beats hashing on the hot JSON-writing path.
    private static readonly ValueKind[] Kinds = [.. All];
    private static readonly Type[] ClrTypes = [.. All.Select(k => k.ClrType)];

    private protected ValueKind() { }

    /// <summary>The kind's name, e.g. "DateTime" (camel-cased in the field-type catalog).</summary>
    public abstract string Name { get; }

    /// <summary>The CLR type of a value of this kind (distinct per kind; columns may store another, see Storage's ColumnForms).</summary>
    public abstract Type ClrType { get; }

    /// <summary>The JSON Schema type of a value (without null).</summary>
    public abstract string JsonType { get; }

    /// <summary>The OData <c>$filter</c> operators a value of this kind supports (what FilterTranslator accepts).</summary>
    public abstract IReadOnlyList<string> FilterOperators { get; }

    /// <summary>Why a definition's constant default is not a value of this kind, or null when it is.</summary>
    public abstract string? CheckDefault(FieldTypeDescriptor type, JsonNode value);

    /// <summary>A definition's default (checked by <see cref="CheckDefault"/>) as a platform value.</summary>
    public abstract object ReadDefault(JsonNode value);

    /// <summary>Reads a record body's non-null JSON value into a platform value, or says why it cannot.</summary>
    public abstract bool TryReadJson(JsonElement json, out object? value, out string? error);

    /// <summary>Writes a platform value of this kind as record JSON (the inverse of <see cref="TryReadJson"/>).</summary>
    public abstract void WriteJson(Utf8JsonWriter writer, object value);

    /// <summary>The kind whose CLR type <paramref name="value"/> has; null for null or a value of no kind.</summary>
    public static ValueKind? Of(object? value)
    {
        if (value is null) return null;
        var type = value.GetType();
        for (var i = 0; i < ClrTypes.Length; i++)
            if (ClrTypes[i] == type) return Kinds[i];
        return null;
    }

    /// <summary>This kind's entry of <paramref name="table"/>.</summary>
    internal abstract T Pick<T>(ValueKindTable<T> table);

    public override string ToString() => Name;

    private protected static bool Ok(object read, out object? value, out string? error)
    {
        value = read;
        error = null;
        return true;
    }

    private protected static bool Fail(string message, out object? value, out string? error)
    {
        value = null;
        error = message;
        return false;
    }
}
