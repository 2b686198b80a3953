using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Metadata.FieldTypes.BuiltIn;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.FieldTypes;

public class FieldTypeRegistryTests
{
    private const string File = "sales/entities/deal.json";

    [Fact]
    public void Every_built_in_type_is_registered_under_the_name_documents_use()
    {
        foreach (var type in BuiltInFieldTypes.All)
            Assert.Same(type, FieldTypeRegistry.Default.Get(type.Name));
        Assert.Same(FieldTypeRegistry.Default.Get("multichoice"), FieldType.MultiChoice.Descriptor);
    }

    [Fact]
    public void A_field_type_reads_and_writes_as_its_name()
    {
        var field = JsonSerializer.Deserialize<FieldDefinition>("""{ "name": "tags", "type": "multichoice" }""", DefinitionJson.Options)!;

        Assert.Equal(FieldType.MultiChoice, field.Type);
        Assert.Equal("multichoice", JsonSerializer.SerializeToNode(field, DefinitionJson.Options)!["type"]!.GetValue<string>());
    }

    [Fact]
    public void An_unknown_type_is_reported_with_the_registered_ones()
    {
        var errors = Platform.Metadata.Validation.DefinitionValidator.Validate(
            [Module("sales", Entity("deal", Field("name"), Field("share", new FieldType("percentage"))))]);

        ErrorAssert.Single(errors, File, "/fields/1/type", "'percentage' is not a field type; expected one of text, longtext");
    }

    [Fact]
    public void Another_descriptor_under_a_taken_name_is_refused_at_registration()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FieldTypeRegistry.Default.Register(new FakeText()));

        Assert.Contains("'text' is registered twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_the_same_descriptor_class_again_changes_nothing()
    {
        var before = FieldTypeRegistry.Default.All.Count;

        FieldTypeRegistry.Default.Register(new TextFieldType());

        Assert.Equal(before, FieldTypeRegistry.Default.All.Count);
    }

    [Fact]
    public void Every_type_decides_its_storage_filter_operators_and_json_type()
    {
        foreach (var type in FieldTypeRegistry.Default.All)
        {
            Assert.NotEmpty(type.FilterOperators);
            Assert.False(string.IsNullOrEmpty(type.JsonType));
            Assert.False(string.IsNullOrEmpty(type.Label.Get()));
        }
    }

    private sealed class FakeText : TextualFieldType
    {
        public override string Name => "text";
        public override LocalizedText Label { get; } = new("Fake");
        protected override int? DefaultMaxLength => 10;
        protected override object? Placeholder(FieldDefinition field, Guid recordId) => "x";

        public override System.Text.Json.Nodes.JsonNode? Example(FieldDefinition field) => "x";
    }
}
