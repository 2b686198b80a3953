using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.FieldTypes;

namespace Platform.Metadata.Tests.FieldTypes;

public class ValueKindTests
{
    public static TheoryData<string> Kinds => [.. ValueKind.All.Select(k => k.Name)];

    private static ValueKind Kind(string name) => ValueKind.All.Single(k => k.Name == name);

    [Fact]
    public void Each_kind_has_its_own_clr_type_so_a_value_names_its_kind()
    {
        Assert.Equal(ValueKind.All.Count, ValueKind.All.Select(k => k.ClrType).Distinct().Count());
        Assert.Null(ValueKind.Of(null));
        Assert.Null(ValueKind.Of(42));
    }

    [Fact]
    public void A_table_picks_each_kinds_own_entry()
    {
        var names = new ValueKindTable<string>("String", "Integer", "Decimal", "Boolean", "Date", "DateTime", "Guid", "StringList");
        Assert.All(ValueKind.All, kind => Assert.Equal(kind.Name, names[kind]));
        Assert.Equal(ValueKind.All, names.Entries.Select(e => e.Kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_kinds_example_value_round_trips_through_record_json(string name)
    {
        var kind = Kind(name);
        var example = JsonNode.Parse(Examples[kind])!;

        Assert.True(kind.TryReadJson(JsonDocument.Parse(example.ToJsonString()).RootElement, out var value, out var error), error);
        Assert.Same(kind, ValueKind.Of(value));
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) kind.WriteJson(writer, value!);
        var written = JsonNode.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.True(kind.TryReadJson(JsonDocument.Parse(written!.ToJsonString()).RootElement, out var again, out _));
        Assert.Equal(JsonSerializer.Serialize(value), JsonSerializer.Serialize(again));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_kind_refuses_json_of_another_shape_with_a_message(string name)
    {
        var kind = Kind(name);
        var other = kind == ValueKind.Boolean ? "\"yes\"" : "true";
        Assert.False(kind.TryReadJson(JsonDocument.Parse(other).RootElement, out var value, out var error));
        Assert.Null(value);
        Assert.StartsWith("must be", error);
    }

    private static readonly ValueKindTable<string> Examples = new(
        String: "\"x\"", Integer: "42", Decimal: "1.25", Boolean: "true", Date: "\"2026-12-31\"",
        DateTime: "\"2026-12-31T09:30:00Z\"", Guid: "\"6f1c0a52-3f7e-4c35-9d7e-0a5e3b1f2c44\"", StringList: "[\"a\",\"b\"]");
}
