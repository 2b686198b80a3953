using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests;

/// <summary>
/// Every registered field type (the registry, not a list: a new type is covered by itself) round-trips through the API:
/// written with its example value, read back, read masked by a reader who may not see it, found by a filter, exported
/// to CSV and audited.
/// </summary>
public abstract partial class ApiTests
{
    private const string EveryType = "every_type";
    private const string MaskedReader = "masked_reader";

    public static TheoryData<string> RegisteredFieldTypes => [.. FieldTypeRegistry.Default.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(RegisteredFieldTypes))]
    public async Task Every_field_type_is_written_read_back_masked_filtered_exported_and_audited(string typeName)
    {
        var tenant = await Host.SharedAsync("every-field-type", () => Host.CreateTenantAsync(EveryTypeModule()));
        var field = EveryTypeField(FieldTypeRegistry.Default.Get(typeName));
        var type = field.Type.Descriptor;
        var example = type.Example(field);
        var body = new JsonObject { ["label"] = typeName };
        if (example is not null) body[field.Name] = example.DeepClone();

        var created = await CreateAsync(tenant, EveryType, body);
        var id = created.GetProperty("id").GetGuid();
        var read = JsonNode.Parse((await GetAsync(tenant, EveryType, id)).GetRawText())![field.Name];

        // A reader whose role masks every field sees the type's masked form: part of a text, null for other values.
        var (masked, _) = await Host.SharedAsync("every-field-type-masked", () => Host.CreateUserClientAsync(tenant, MaskedReader, [MaskedReader]));
        using var maskedAnswer = await masked.GetAsync(Data(tenant, EveryType, id));
        Assert.Equal(HttpStatusCode.OK, maskedAnswer.StatusCode);
        var maskedRead = JsonNode.Parse(await maskedAnswer.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(maskedRead.ContainsKey(field.Name), $"{typeName}: the masked field is left out");
        var expectedMask = type.Storage == ValueKind.String && read?.GetValueKind() == JsonValueKind.String && read.GetValue<string>().Length > 0
            ? type.Mask(read.GetValue<string>())
            : null;
        Assert.Equal(expectedMask, maskedRead[field.Name]?.GetValue<string>());
        if (read is not null && expectedMask is not null) Assert.NotEqual(read.GetValue<string>(), expectedMask);

        if (example is null)
        {
            // Nothing to write (a lookup needs a record, an autonumber is assigned): it reads as the platform left it.
            Assert.Equal(type.Computed, read is not null);
            return;
        }
        Assert.True(SameJson(example, read), $"{typeName}: wrote {example.ToJsonString()}, read {read?.ToJsonString()}");

        using var filtered = await Client.GetAsync(List(tenant, EveryType, ("$filter", Filter(field, type, example))));
        var found = JsonNode.Parse(await filtered.Content.ReadAsStringAsync())!;
        Assert.True(filtered.StatusCode == HttpStatusCode.OK, found.ToJsonString());
        Assert.Contains(id, found["value"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));

        using var export = await Client.GetAsync(Data(tenant, EveryType) + $"/export?$filter=id eq {id}&$select={field.Name}");
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(["id," + field.Name, "non-empty"], [lines[0], lines[1].Length > 0 ? "non-empty" : "empty"]);

        using var audit = await Client.GetAsync(Data(tenant, EveryType, id) + "/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains($"\"{field.Name}\"", await audit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A filter that matches the example by the first operator the type supports.</summary>
    private static string Filter(FieldDefinition field, FieldTypeDescriptor type, JsonNode example)
    {
        if (type.FilterOperators.Contains("any"))
            return $"{field.Name}/any(t: t eq {Literal(ValueKind.String, example.AsArray()[0]!)})";
        Assert.Contains("eq", type.FilterOperators);
        return $"{field.Name} eq {Literal(type.Storage, example)}";
    }

    private static string Literal(ValueKind kind, JsonNode value) => Literals[kind](value);

    private static readonly ValueKindTable<Func<JsonNode, string>> Literals = new(
        String: value => "'" + value.GetValue<string>().Replace("'", "''", StringComparison.Ordinal) + "'",
        Integer: value => value.ToJsonString(),
        Decimal: value => value.ToJsonString(),
        Boolean: value => value.ToJsonString(),
        Date: value => value.GetValue<string>(),
        DateTime: value => value.GetValue<string>(),
        Guid: value => value.GetValue<string>(),
        StringList: _ => throw new ArgumentException("a list has no literal; filter one of its items"));

    /// <summary>JSON values alike as values: numbers by amount (5.50 is 5.5), date-times by instant.</summary>
    private static bool SameJson(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        if (expected is JsonArray a && actual is JsonArray b) return a.Count == b.Count && a.Zip(b).All(p => SameJson(p.First, p.Second));
        var kind = expected.GetValueKind();
        if (kind == JsonValueKind.Number && actual.GetValueKind() == JsonValueKind.Number)
            return Amount(expected) == Amount(actual);
        if (kind == JsonValueKind.String && actual.GetValueKind() == JsonValueKind.String && expected.GetValue<string>().Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(expected.GetValue<string>(), CultureInfo.InvariantCulture, out var x) &&
            DateTimeOffset.TryParse(actual.GetValue<string>(), CultureInfo.InvariantCulture, out var y))
            return x == y;
        return JsonNode.DeepEquals(expected, actual);
    }

    private static decimal Amount(JsonNode number) => decimal.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static FieldDefinition EveryTypeField(FieldTypeDescriptor type) => new()
    {
        Name = "f_" + type.Name,
        Type = new FieldType(type.Name),
        Options = type.Properties.Any(p => p.Name == FieldProperty.Options.Name)
            ? [new ChoiceOption { Value = "first" }, new ChoiceOption { Value = "second" }]
            : null,
        Target = type.Properties.Any(p => p.Name == FieldProperty.Target.Name) ? "account" : null,
        Format = type.Properties.Any(p => p.Name == FieldProperty.Format.Name) ? "N-{0:0000}" : null,
    };

    /// <summary>A module folder whose entity has one field of every registered type.</summary>
    private static string EveryTypeModule()
    {
        var folder = Directory.CreateTempSubdirectory("platform-every-type-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "entities"));
        File.WriteAllText(Path.Combine(folder, "module.json"), """{ "id": "every-type", "version": "1.0.0", "dependsOn": { "crm-core": "^1.0.0" } }""");
        var entity = new EntityDefinition
        {
            Name = EveryType,
            Fields = [new FieldDefinition { Name = "label", Type = FieldType.Text }, .. FieldTypeRegistry.Default.All.Select(EveryTypeField)],
        };
        File.WriteAllText(Path.Combine(folder, "entities", EveryType + ".json"), JsonSerializer.Serialize(entity, DefinitionJson.Options));
        Directory.CreateDirectory(Path.Combine(folder, "security", "roles"));
        var masks = new JsonObject(entity.Fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)"masked")));
        var role = new JsonObject
        {
            ["name"] = MaskedReader,
            ["privileges"] = new JsonObject { [EveryType] = new JsonObject { ["read"] = "tenant" } },
            ["fieldSecurity"] = new JsonObject { [EveryType] = masks },
        };
        File.WriteAllText(Path.Combine(folder, "security", "roles", MaskedReader + ".json"), role.ToJsonString());
        return folder;
    }
}
