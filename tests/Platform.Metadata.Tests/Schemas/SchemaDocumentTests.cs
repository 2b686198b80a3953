using Platform.Metadata.Kinds;
using System.Text.Json.Nodes;
using Platform.Metadata.Validation;
using Platform.TestSupport;

namespace Platform.Metadata.Tests.Schemas;

public class SchemaDocumentTests
{
    public static TheoryData<DocumentKind> Kinds => [.. DocumentKindCatalog.Default.Kinds.Where(k => k.SchemaFile is not null)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_embedded_schema_is_the_file_in_the_schemas_folder(DocumentKind kind)
    {
        var onDisk = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", SchemaDocuments.FileNameOf(kind)));

        Assert.Equal(onDisk, SchemaDocuments.GetText(kind));
    }

    [Theory]
    [InlineData("entity")]
    [InlineData("Module")]
    [InlineData("business-unit")]
    [InlineData("role")]
    [InlineData("form")]
    [InlineData("View")]
    public void Schemas_are_found_by_name(string name)
    {
        Assert.True(SchemaDocuments.TryGetText(name, out var text));
        Assert.Contains("draft-07", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invoice")]
    [InlineData("script")]
    [InlineData("0")]
    public void Unknown_schema_names_are_not_found(string name)
    {
        Assert.False(SchemaDocuments.TryGetText(name, out _));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_property_has_a_description_for_consultants(DocumentKind kind)
    {
        var missing = PropertySchemas(JsonNode.Parse(SchemaDocuments.GetText(kind)))
            .Where(p => p.Schema["description"] is null)
            .Select(p => p.Path)
            .ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_object_with_declared_properties_is_strict(DocumentKind kind)
    {
        var loose = Objects(JsonNode.Parse(SchemaDocuments.GetText(kind)), "#")
            .Where(o => (o.Node["properties"] ?? o.Node["patternProperties"]) is JsonObject && !InConditional(o.Path))
            .Where(o => o.Node["additionalProperties"]?.GetValue<bool>() != false)
            .Select(o => o.Path)
            .ToList();

        Assert.Empty(loose);
    }

    private static IEnumerable<(string Path, JsonObject Schema)> PropertySchemas(JsonNode? root) =>
        Objects(root, "#")
            .Where(o => o.Path.Split('/') is [.., "properties" or "patternProperties", _] && !InConditional(o.Path))
            .Select(o => (o.Path, o.Node));

    /// <summary>Conditions and branches of if/then only restrict properties declared elsewhere.</summary>
    private static bool InConditional(string path) => path.Split('/').Any(segment => segment is "if" or "then" or "else");

    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Objects(p.Value, $"{path}/{p.Key}")).Prepend((path, obj)),
        JsonArray array => array.SelectMany((item, i) => Objects(item, $"{path}/{i}")),
        _ => [],
    };
}
