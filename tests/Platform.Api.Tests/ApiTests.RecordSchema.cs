using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Records the API answers validate against the JSON Schemas it publishes (metadata and OpenAPI), as clients check them.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task Every_record_of_every_shipped_entity_validates_against_its_published_schema_with_selects_and_expands()
    {
        var tenant = await Host.CreateTenantAsync();
        var definitions = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities"), HttpStatusCode.OK)).Values();
        var created = await CreateOneOfEachAsync(tenant, definitions);
        var openApi = JsonNode.Parse(await Client.GetStringAsync($"/api/{tenant}/openapi.json"))!;

        foreach (var definition in definitions)
        {
            var entity = definition.Str("name");
            var schemas = new[]
            {
                ("metadata", await RecordSchemaAssert.FromMetadataAsync(await Client.GetStringAsync($"/api/{tenant}/metadata/entities/{entity}/schema"))),
                ("OpenAPI", await RecordSchemaAssert.FromOpenApiAsync(openApi, Platform.Api.OpenApi.OpenApiDocumentBuilder.Pascal(entity))),
            };
            foreach (var (url, record) in await ReadEveryWayAsync(tenant, definition, created[entity]))
                foreach (var (source, schema) in schemas)
                    RecordSchemaAssert.Valid(schema, record, $"{url} ({source} schema)");
        }
    }

    [Fact]
    public async Task A_record_read_with_masked_fields_validates_against_its_published_schema()
    {
        var tenant = await Host.CreateTenantAsync();
        var (seller, sellerId) = await Host.CreateUserClientAsync(tenant, "seller", ["salesperson"], ["sales"], "root");
        var contact = (await CreateAsync(tenant, "contact", new { full_name = "Zoë Ünal", email = "zoe@example.com", phone = "+49 30 1234 5678" })).Id();
        await ExpectAsync(await Client.PostAsync($"{Data(tenant, "contact", contact)}/assign", Body(new { owner = sellerId })), HttpStatusCode.OK);
        var schema = await RecordSchemaAssert.FromMetadataAsync(await Client.GetStringAsync($"/api/{tenant}/metadata/entities/contact/schema"));

        var record = await ExpectAsync(await seller.GetAsync(Data(tenant, "contact", contact)), HttpStatusCode.OK);

        Assert.Contains("***", record.Str("email"));
        RecordSchemaAssert.Valid(schema, record, "a contact read by a salesperson");
    }

    /// <summary>One record of each entity with every writable field set, lookups pointing at the records created before.</summary>
    private async Task<Dictionary<string, Guid>> CreateOneOfEachAsync(string tenant, IReadOnlyList<JsonElement> definitions)
    {
        var created = new Dictionary<string, Guid>();
        var pending = definitions.ToList();
        for (var n = 0; pending.Count > 0; n++)
        {
            // Targets first, so every lookup gets a value.
            var next = pending.First(d => Lookups(d).All(l => l.Target == d.Str("name") || created.ContainsKey(l.Target)));
            var entity = next.Str("name");
            created[entity] = (await CreateAsync(tenant, entity, SampleRecords.Body(next, created, n))).Id();
            pending.Remove(next);
        }
        return created;
    }

    private static IEnumerable<(string Field, string Target)> Lookups(JsonElement definition) =>
        definition.GetProperty("fields").EnumerateArray()
            .Where(f => f.Str("type") == "lookup")
            .Select(f => (f.Str("name"), f.Str("target")));

    /// <summary>The record as GET by id and as a list answer it, plain, with $select and with each lookup expanded.</summary>
    private async Task<List<(string Url, JsonElement Record)>> ReadEveryWayAsync(string tenant, JsonElement definition, Guid id)
    {
        var entity = definition.Str("name");
        var fields = definition.GetProperty("fields").EnumerateArray().Select(f => f.Str("name")).ToList();
        var options = new List<string> { "", $"$select={string.Join(",", fields.Take(2))}" };
        foreach (var (field, _) in Lookups(definition))
        {
            options.Add($"$expand={field}");
            options.Add($"$select={fields[0]}&$expand={field}($select=id)");
        }
        var reads = new List<(string, JsonElement)>();
        foreach (var option in options)
        {
            var one = $"{Data(tenant, entity, id)}?{option}";
            reads.Add((one, await ExpectAsync(await Client.GetAsync(one), HttpStatusCode.OK)));
            var list = $"{Data(tenant, entity)}?{option}";
            reads.AddRange((await ExpectAsync(await Client.GetAsync(list), HttpStatusCode.OK)).Values().Select(r => (list, r)));
        }
        return reads;
    }
}
