using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Audit.Privacy;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Metadata.Validation;
using Platform.Records.Security;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.FieldTypes.Tests;

/// <summary>
/// A field type registered by a plugin gets everything a built-in one has — column, validation, record JSON Schema,
/// OpenAPI, filters, masking, erasure and the field-types route — with no edit outside its class and registration.
/// </summary>
public sealed class PercentFieldTypeTests(PercentHost host) : IClassFixture<PercentHost>
{
    private const string Data = $"/api/{PercentHost.Tenant}/data/survey";

    private static FieldDefinition Share(bool required = false) => new() { Name = "share", Type = new FieldType("percent"), Required = required };

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void A_percent_field_becomes_a_decimal_column_with_the_type_s_precision_and_scale(DatabaseProvider provider)
    {
        var column = FieldColumnMapper.Map(Share(), provider);

        Assert.Equal(ValueKind.Decimal, column.Kind);
        Assert.Equal(typeof(decimal), column.StoreClrType);
        Assert.Equal((5, 2), (column.Precision, column.Scale));
    }

    [Fact]
    public void On_sqlite_a_percent_is_stored_exactly_as_a_scaled_integer()
    {
        var column = FieldColumnMapper.Map(Share(), DatabaseProvider.Sqlite);

        Assert.Equal(2, column.DecimalScaleOnDisk);
    }

    [Fact]
    public async Task A_percent_is_written_read_back_and_filtered_through_the_api()
    {
        var low = await CreateAsync(new { title = "low", share = 12.5m });
        await CreateAsync(new { title = "high", share = 87.25m });

        var read = await host.Client.GetFromJsonAsync<JsonObject>($"{Data}/{low}");
        var high = await host.Client.GetFromJsonAsync<JsonObject>($"{Data}?$filter=share gt 50 and share le 100");

        Assert.Equal(12.5m, read!["share"]!.GetValue<decimal>());
        Assert.Equal(["high"], high!["value"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(100.5)]
    [InlineData(-1)]
    public async Task A_value_outside_0_to_100_is_refused_with_the_type_s_own_rule(double share)
    {
        using var response = await host.Client.PostAsJsonAsync(Data, new { title = "bad", share });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("must be a percentage from 0 to 100", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_record_schema_carries_the_type_s_json_schema_fragment()
    {
        var schema = await host.Client.GetFromJsonAsync<JsonObject>($"/api/{PercentHost.Tenant}/metadata/entities/survey/schema");

        var share = schema!["properties"]!["share"]!;
        Assert.Equal("""["number","null"]""", share["type"]!.ToJsonString());
        Assert.Equal(100, share["maximum"]!.GetValue<int>());
        Assert.Equal(0.01m, share["multipleOf"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_openapi_document_describes_percent_fields()
    {
        var document = await host.Client.GetFromJsonAsync<JsonObject>($"/api/{PercentHost.Tenant}/openapi.json");

        var schemas = document!["components"]!["schemas"]!;
        Assert.Equal(100, schemas["Survey"]!["properties"]!["share"]!["maximum"]!.GetValue<int>());
        Assert.Equal(0, schemas["SurveyInput"]!["properties"]!["share"]!["minimum"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_field_types_route_lists_the_plugin_s_type()
    {
        var answer = await host.Client.GetFromJsonAsync<JsonObject>($"/api/{PercentHost.Tenant}/metadata/field-types");

        var percent = answer!["value"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "percent")!;
        Assert.Equal("decimal", percent["storage"]!.GetValue<string>());
        Assert.Equal("百分比", percent["label"]!["zh-CN"]!.GetValue<string>());
        Assert.Contains("gt", percent["filterOperators"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(100, percent["valueSchema"]!["maximum"]!.GetValue<int>());
        Assert.Empty(percent["properties"]!.AsArray());
    }

    [Fact]
    public async Task The_served_entity_schema_lists_the_plugin_s_type()
    {
        var schema = await host.Client.GetFromJsonAsync<JsonObject>($"/api/{PercentHost.Tenant}/metadata/schemas/entity");

        var names = schema!["definitions"]!["fieldType"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(FieldTypeRegistry.Default.All.Select(t => t.Name), names);
        Assert.Contains("percent", names);
    }

    [Fact]
    public void A_masked_percent_reads_as_null_and_an_erased_one_as_empty_or_zero()
    {
        Assert.Null(FieldMasking.Mask(Share(), "42.5"));
        Assert.True(Anonymizer.TryErase(Share(), Guid.NewGuid(), out var optional));
        Assert.True(Anonymizer.TryErase(Share(required: true), Guid.NewGuid(), out var required));

        Assert.Null(optional);
        Assert.Equal(0m, required);
    }

    [Fact]
    public void A_property_the_type_does_not_allow_is_reported_naming_the_types_that_do()
    {
        var entity = new EntityDefinition { Name = "survey", Fields = [Share() with { MaxLength = 3 }] };
        var module = new ModuleDefinition
        {
            Manifest = new ModuleManifest { Id = "surveys", Version = "1.0.0", DependsOn = new Dictionary<string, string>() },
            Entities = [new SourcedDocument<EntityDefinition>("surveys/entities/survey.json", entity)],
        };

        var errors = DefinitionValidator.Validate([module]);

        Assert.Contains(errors, e => e.Pointer == "/fields/0/maxLength" && e.Message.Contains("not allowed on a percent field", StringComparison.Ordinal));
    }

    private async Task<Guid> CreateAsync(object record)
    {
        using var response = await host.Client.PostAsJsonAsync(Data, record);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }
}
