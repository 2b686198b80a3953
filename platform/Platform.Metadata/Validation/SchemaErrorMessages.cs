using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Platform.Metadata.Validation;

/// <summary>
/// Turns NJsonSchema's error kinds into sentences a consultant understands. The schemas' <c>title</c>s name
/// what was expected ("field type", "name"), so messages stay right when the schemas change.
/// </summary>
internal static class SchemaErrorMessages
{
    /// <summary>Replaces wrapper errors (an array item or map value is invalid) by the errors inside them.</summary>
    public static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError child && IsWrapper(error.Kind)
            ? Flatten(child.Errors.Values.SelectMany(e => e))
            : [error]);

    public static string Describe(ValidationError error)
    {
        var schema = error.Schema?.ActualSchema;
        var value = Quote(error.Token);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"'{error.Property}' is required",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownProperty(error),
            ValidationErrorKind.NotInEnumeration =>
                $"unknown {schema?.Title ?? "value"} {value}; expected one of {string.Join(", ", schema?.Enumeration ?? [])}",
            ValidationErrorKind.PatternMismatch => schema?.Title is { } title
                ? $"{value} is not a valid {title}: expected {schema.Description}"
                : $"{value} does not match the pattern {schema?.Pattern}",
            ValidationErrorKind.StringTooLong => $"{value} is too long: at most {schema?.MaxLength} characters",
            ValidationErrorKind.StringTooShort => schema?.MinLength == 1 ? "must not be empty" : $"must have at least {schema?.MinLength} characters",
            ValidationErrorKind.TooFewItems => schema?.MinItems == 1 ? "must not be empty" : $"must have at least {schema?.MinItems} items",
            ValidationErrorKind.TooManyItems => $"must have at most {schema?.MaxItems} items",
            ValidationErrorKind.TooFewProperties => "must not be empty",
            ValidationErrorKind.ItemsNotUnique => "lists the same value more than once",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => $"{value} is greater than the maximum {Number(schema?.Maximum)}",
            ValidationErrorKind.NumberTooSmall => $"{value} is less than the minimum {Number(schema?.Minimum)}",
            ValidationErrorKind.StringExpected => Expected("a text", error.Token),
            ValidationErrorKind.IntegerExpected => Expected("a whole number", error.Token),
            ValidationErrorKind.NumberExpected => Expected("a number", error.Token),
            ValidationErrorKind.BooleanExpected => Expected("true or false", error.Token),
            ValidationErrorKind.ArrayExpected => Expected("an array", error.Token),
            ValidationErrorKind.ObjectExpected => Expected("an object", error.Token),
            ValidationErrorKind.NoTypeValidates => Expected(TypeNames(schema?.Type ?? JsonObjectType.None), error.Token),
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf =>
                schema?.Title is { } expected ? $"expected {expected}" : "does not match any allowed form",
            ValidationErrorKind.ExcludedSchemaValidates => $"'{error.Property}' is not allowed here",
            _ => $"{Words(error.Kind.ToString())}{(value.Length > 0 ? $": {value}" : "")}",
        };
    }

    private static bool IsWrapper(ValidationErrorKind kind) => kind is ValidationErrorKind.ArrayItemNotValid
        or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.AdditionalItemNotValid or ValidationErrorKind.NotAllOf;

    private static string UnknownProperty(ValidationError error)
    {
        var allowed = error.Schema?.ActualSchema.ActualProperties.Keys.Where(k => !k.StartsWith('$')).ToList() ?? [];
        return allowed.Count == 0
            ? $"unknown property '{error.Property}'"
            : $"unknown property '{error.Property}'; expected one of {string.Join(", ", allowed)}";
    }

    private static string Expected(string expected, JToken? found) => $"expected {expected}, found {Kind(found)}";

    private static string Kind(JToken? token) => token?.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => $"the text {Quote(token)}",
        JTokenType.Integer or JTokenType.Float => $"the number {Quote(token)}",
        JTokenType.Boolean => Quote(token),
        JTokenType.Null => "null",
        _ => "nothing",
    };

    private static string TypeNames(JsonObjectType type)
    {
        var names = Enum.GetValues<JsonObjectType>()
            .Where(t => t != JsonObjectType.None && type.HasFlag(t))
            .Select(t => t switch
            {
                JsonObjectType.String => "a text",
                JsonObjectType.Integer => "a whole number",
                JsonObjectType.Number => "a number",
                JsonObjectType.Boolean => "true or false",
                JsonObjectType.Array => "an array",
                JsonObjectType.Object => "an object",
                _ => t.ToString().ToLowerInvariant(),
            })
            .ToList();
        return names.Count <= 1 ? names.FirstOrDefault() ?? "a value" : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    private static string Quote(JToken? token) => token switch
    {
        null => "",
        JProperty property => $"'{property.Name}'",
        JValue { Type: JTokenType.String } text => $"'{text.Value}'",
        _ => token.ToString(Formatting.None),
    };

    private static string Number(decimal? number) => number?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : $"{(i == 0 ? char.ToLowerInvariant(c) : c)}"));
}
