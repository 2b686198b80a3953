using System.Text.Json.Serialization;

namespace Platform.Metadata.Definitions;

/// <summary>The field types an entity document may use. The JSON name is the camelCase member name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("longtext")] LongText,
    [JsonStringEnumMemberName("integer")] Integer,
    [JsonStringEnumMemberName("decimal")] Decimal,
    [JsonStringEnumMemberName("currency")] Currency,
    [JsonStringEnumMemberName("boolean")] Boolean,
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("datetime")] DateTime,
    [JsonStringEnumMemberName("choice")] Choice,
    [JsonStringEnumMemberName("multichoice")] MultiChoice,
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("phone")] Phone,
    [JsonStringEnumMemberName("url")] Url,
    [JsonStringEnumMemberName("lookup")] Lookup,
    [JsonStringEnumMemberName("autonumber")] AutoNumber,
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
