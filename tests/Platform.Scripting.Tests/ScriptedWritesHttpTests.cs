using System.Net;

namespace Platform.Scripting.Tests;

/// <summary>Bulk writes run scripts per record; formula fields are read-only in the record schema and OpenAPI.</summary>
public sealed class ScriptedWritesHttpTests : ScriptTenantHost
{
    protected override IReadOnlyDictionary<string, string> ModuleFiles { get; } = new Dictionary<string, string>
    {
        ["module.json"] = """{ "id": "bulky", "version": "1.0.0" }""",
        ["entities/part.json"] = """
            { "name": "part", "hooks": { "beforeSave": "scripts/part-rules.js" },
              "fields": [ { "name": "code", "type": "text", "unique": true, "required": true },
                          { "name": "price", "type": "integer" }, { "name": "tagged", "type": "text" },
                          { "name": "origin", "type": "text", "defaultExpression": "'made by ' + (record.code || '?')" },
                          { "name": "doubled", "type": "integer", "formula": "(record.price || 0) * 2" } ] }
            """,
        ["scripts/part-rules.js"] = """
            if (record.price < 0) errors.add('price', 'must not be negative');
            record.tagged = record.previous ? 'updated from ' + record.previous.price : 'new';
            """,
    };

    [Fact]
    public async Task Bulk_create_runs_defaults_beforeSave_and_formulas_per_record()
    {
        var result = await DataAsync(HttpMethod.Post, "part/bulk", new
        {
            mode = "create",
            records = new object[] { new { code = "A1", price = 10 }, new { code = "A2", price = 3 } },
        }, HttpStatusCode.OK);
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var a1 = Assert.Single(await ListAsync("part", "code eq 'A1'"));
        Assert.Equal(20, a1.GetProperty("doubled").GetInt32());
        Assert.Equal("new", a1.GetProperty("tagged").GetString());
        Assert.Equal("made by A1", a1.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Bulk_reports_script_errors_at_each_records_pointer_and_writes_nothing()
    {
        var problem = await DataAsync(HttpMethod.Post, "part/bulk", new
        {
            mode = "create",
            records = new object[] { new { code = "B1", price = 1 }, new { code = "B2", price = -1 }, new { code = "B3", doubled = 4 } },
        }, HttpStatusCode.UnprocessableEntity);
        var pointers = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()).ToList();
        Assert.Equal(["/records/1/price", "/records/2/doubled"], pointers);
        Assert.Empty(await ListAsync("part", "startswith(code, 'B')"));
    }

    [Fact]
    public async Task Bulk_upsert_gives_scripts_the_previous_record()
    {
        await DataAsync(HttpMethod.Post, "part", new { code = "C1", price = 5 }, HttpStatusCode.Created);
        await DataAsync(HttpMethod.Post, "part/bulk", new
        {
            mode = "upsert", key = "code",
            records = new object[] { new { code = "C1", price = 6 }, new { code = "C2", price = 1 } },
        }, HttpStatusCode.OK);
        var c1 = Assert.Single(await ListAsync("part", "code eq 'C1'"));
        Assert.Equal("updated from 5", c1.GetProperty("tagged").GetString());
        Assert.Equal(12, c1.GetProperty("doubled").GetInt32());
        Assert.Equal("made by C1", c1.GetProperty("origin").GetString());
        Assert.Equal("new", Assert.Single(await ListAsync("part", "code eq 'C2'")).GetProperty("tagged").GetString());
    }

    [Fact]
    public async Task Formula_fields_are_read_only_in_the_record_schema_and_left_out_of_openapi_inputs()
    {
        var schema = await SendAsync(HttpMethod.Get, "metadata/entities/lead/schema", null, HttpStatusCode.OK);
        var score = schema.GetProperty("properties").GetProperty("score");
        Assert.True(score.GetProperty("readOnly").GetBoolean());
        Assert.Equal("require('lead-scoring').score(record)", score.GetProperty("x-formula").GetString());

        var openApi = await SendAsync(HttpMethod.Get, "openapi.json", null, HttpStatusCode.OK);
        var schemas = openApi.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("Lead").GetProperty("properties").GetProperty("score").GetProperty("readOnly").GetBoolean());
        Assert.False(schemas.GetProperty("LeadInput").GetProperty("properties").TryGetProperty("score", out _));
        Assert.False(schemas.GetProperty("LeadPatch").GetProperty("properties").TryGetProperty("score", out _));
        Assert.True(schemas.GetProperty("LeadInput").GetProperty("properties").TryGetProperty("estimated_value", out _));
    }
}
