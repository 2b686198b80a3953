using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Metadata.FieldTypes;

/// <summary>A record id (lookups), a UUID string in JSON.</summary>
internal sealed class GuidValueKind : ValueKind
{
    public override string Name => "Guid";

    public override Type ClrType => typeof(Guid);

    public override string JsonType => "string";

    public override IReadOnlyList<string> FilterOperators => FieldTypes.FilterOperators.Equality;

    public override string? CheckDefault(FieldTypeDescriptor type, JsonNode value) =>
        DefaultValues.NotAllowed(type);

    public override object ReadDefault(JsonNode value) => System.Guid.Parse(value.GetValue<string>());

    public override bool TryReadJson(JsonElement json, out object? value, out string? error) =>
        json.ValueKind != JsonValueKind.String ? Fail("must be the id (a UUID string) of the referenced record", out value, out error)
        : System.Guid.TryParse(json.GetString(), out var id) ? Ok(id, out value, out error)
        : Fail("must be the id (a UUID) of the referenced record", out value, out error);

    public override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteStringValue((Guid)value);

    internal override T Pick<T>(ValueKindTable<T> table) => table.Guid;
}
