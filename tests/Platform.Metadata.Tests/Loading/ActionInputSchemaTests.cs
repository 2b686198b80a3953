using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests.Loading;

/// <summary>
/// Action input schemas are compiled when modules are loaded (validate, plan, apply), with references inside the schema
/// only: a $ref to a URL or file is a definition error, and nothing is fetched.
/// </summary>
public sealed class ActionInputSchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("action-schema-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_remote_ref_is_a_definition_error_at_load_and_no_request_leaves()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/schema.json";
        Write(new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["x"] = new JsonObject { ["$ref"] = url } } });

        var result = await ModuleLoader.LoadAsync(_folder);

        var error = Assert.Single(result.Errors);
        Assert.Equal(Path.Combine(_folder, "entities", "deal.json"), error.File);
        Assert.Equal("/actions/close/inputSchema", error.Pointer);
        Assert.Contains(url, error.Message);
        Assert.Contains("outside the schema", error.Message);
        Assert.False(listener.Pending(), "loading the module connected to the schema's URL");
    }

    [Fact]
    public async Task A_file_ref_is_a_definition_error_at_load()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "other.json"), """{ "type": "string" }""");
        Write(new JsonObject { ["$ref"] = "other.json" });

        var error = Assert.Single((await ModuleLoader.LoadAsync(_folder)).Errors);

        Assert.Equal("/actions/close/inputSchema", error.Pointer);
        Assert.Contains("other.json", error.Message);
    }

    [Fact]
    public async Task Local_refs_compile_and_validate_input_with_pointers()
    {
        var schema = JsonNode.Parse("""
            { "type": "object", "definitions": { "reason": { "type": "string", "minLength": 3 } },
              "properties": { "reason": { "$ref": "#/definitions/reason" } }, "required": ["reason"] }
            """)!.AsObject();
        Write(schema);
        Assert.Empty((await ModuleLoader.LoadAsync(_folder)).Errors);

        var (compiled, error) = await ActionInputSchema.CompileAsync(schema, CancellationToken.None);

        Assert.Null(error);
        Assert.Empty(compiled!.Validate("""{ "reason": "lost to a rival" }"""));
        Assert.Equal("/reason", Assert.Single(compiled.Validate("""{ "reason": "no" }""")).Pointer);
        Assert.Single(compiled.Validate("{}"));
    }

    private void Write(JsonObject inputSchema)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "entities"));
        Directory.CreateDirectory(Path.Combine(_folder, "scripts"));
        File.WriteAllText(Path.Combine(_folder, "module.json"), """{ "id": "deals", "version": "1.0.0" }""");
        File.WriteAllText(Path.Combine(_folder, "scripts", "close.js"), "record.stage = 'closed';\n");
        var entity = new JsonObject
        {
            ["name"] = "deal",
            ["fields"] = new JsonArray(new JsonObject { ["name"] = "stage", ["type"] = "text" }),
            ["actions"] = new JsonObject { ["close"] = new JsonObject { ["script"] = "scripts/close.js", ["inputSchema"] = inputSchema } },
        };
        File.WriteAllText(Path.Combine(_folder, "entities", "deal.json"), entity.ToJsonString());
    }
}
