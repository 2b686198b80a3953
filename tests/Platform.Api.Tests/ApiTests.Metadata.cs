using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Runtime;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Many-to-many links, metadata, JSON Schema, OpenAPI, and a module written from the documentation.</summary>
public abstract partial class ApiTests
{
    // ---- many-to-many ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Contacts_are_linked_listed_and_unlinked_through_the_opportunity_relation()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant);
        var deal = (await CreateAsync(tenant, "opportunity", new { name = "Deal", account })).Id();
        var ann = (await CreateAsync(tenant, "contact", new { full_name = "Ann" })).Id();
        var bob = (await CreateAsync(tenant, "contact", new { full_name = "Bob" })).Id();
        var links = Data(tenant, "opportunity", deal) + "/contacts";

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync(links, Body(new { id = ann }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync(links, Body(new { id = bob }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync(links, Body(new { id = ann }))).StatusCode); // already linked

        var linked = await ExpectAsync(await Client.GetAsync(links), HttpStatusCode.OK);
        Assert.Equal(new[] { ann, bob }.Order(), linked.Values().Select(r => r.Id()).Order());
        Assert.Equal(["Ann", "Bob"], linked.Values().Select(r => r.Str("full_name")).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{links}/{ann}")).StatusCode);
        linked = await ExpectAsync(await Client.GetAsync(links), HttpStatusCode.OK);
        Assert.Equal([bob], linked.Values().Select(r => r.Id()));
        await ExpectProblemAsync(await Client.DeleteAsync($"{links}/{ann}"), HttpStatusCode.NotFound);

        // Only existing records of the target entity can be linked, through relations that exist.
        var problem = await ExpectProblemAsync(await Client.PostAsync(links, Body(new { id = Guid.NewGuid() })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/id"], Pointers(problem));
        await ExpectProblemAsync(await Client.PostAsync(links, Body(new { id = account })), HttpStatusCode.UnprocessableEntity);
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "opportunity", deal) + "/partners"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "opportunity", Guid.NewGuid()) + "/contacts"), HttpStatusCode.NotFound);
        Assert.Equal(2, await CountAsync(tenant, "contact"));

        // Deleting a linked record removes its links, not the record on the other side.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "contact", bob))).StatusCode);
        Assert.Empty((await ExpectAsync(await Client.GetAsync(links), HttpStatusCode.OK)).Values());
        await GetAsync(tenant, "opportunity", deal);
    }

    // ---- metadata ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Metadata_lists_the_tenants_modules_and_entities()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var metadata = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities"), HttpStatusCode.OK);

        Assert.Equal(["account", "activity", "contact", "lead", "opportunity", "task"], metadata.Values().Select(e => e.Str("name")));
        var modules = metadata.GetProperty("modules").EnumerateArray().ToDictionary(m => m.Str("id"));
        Assert.Equal(["crm-core", "sales"], modules.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["lead", "opportunity"], modules["sales"].GetProperty("entities").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metadata_of_one_entity_is_its_definition()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var entity = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities/opportunity"), HttpStatusCode.OK);

        Assert.Equal("opportunity", entity.Str("name"));
        var fields = entity.GetProperty("fields").EnumerateArray().ToDictionary(f => f.Str("name"));
        Assert.Equal(["name", "account", "stage", "amount", "probability", "close_date", "number", "tags", "contact_email", "notes", "discount", "discount_approved"], fields.Keys);
        Assert.Equal(("lookup", "account"), (fields["account"].Str("type"), fields["account"].Str("target")));
        Assert.Equal("contacts", Assert.Single(entity.GetProperty("relations").EnumerateArray()).Str("name"));
    }

    [Fact]
    public async Task The_record_schema_matches_the_definitions_required_fields_options_and_lengths()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var definition = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities/opportunity"), HttpStatusCode.OK);

        using var response = await Client.GetAsync($"/api/{tenant}/metadata/entities/opportunity/schema");
        var schema = await ExpectAsync(response, HttpStatusCode.OK);

        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("object", schema.Str("type"));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        var properties = schema.GetProperty("properties");
        var fields = definition.GetProperty("fields").EnumerateArray().ToList();

        // Generic: every rule of the definition shows up in the schema. Only the id is always there ($select leaves
        // fields out); a required field is never null.
        Assert.Equal(["id"], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        foreach (var field in fields)
        {
            var property = properties.GetProperty(field.Str("name"));
            if (field.TryGetProperty("required", out var required) && required.GetBoolean() && field.Str("type") != "lookup")
                Assert.Equal(JsonValueKind.String, property.GetProperty("type").ValueKind);
            if (field.TryGetProperty("maxLength", out var maxLength))
                Assert.Equal(maxLength.GetInt32(), property.GetProperty("maxLength").GetInt32());
            // Text without a maxLength of its own states the limit the API enforces.
            else if (field.Str("type") is "text" or "email" or "phone" or "url")
                Assert.True(property.GetProperty("maxLength").GetInt32() > 0, $"{field.Str("name")} states no maxLength");
            if (field.TryGetProperty("options", out var options))
            {
                var values = options.EnumerateArray().Select(o => o.Str("value")).ToList();
                var allowed = field.Str("type") == "multichoice" ? property.GetProperty("items").GetProperty("enum") : property.GetProperty("enum");
                Assert.Equal(values, allowed.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetString()));
            }
            if (field.Str("type") == "lookup") Assert.Equal(field.Str("target"), property.Str("x-lookup"));
        }

        // Concrete: what crm's opportunity.json says.
        Assert.Equal(320, properties.GetProperty("contact_email").GetProperty("maxLength").GetInt32());
        Assert.Equal(200, properties.GetProperty("name").GetProperty("maxLength").GetInt32());
        Assert.Equal(["prospecting", "qualification", "proposal", "won", "lost", null], properties.GetProperty("stage").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["key"], properties.GetProperty("tags").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(100, properties.GetProperty("probability").GetProperty("maximum").GetInt32());
        Assert.True(properties.TryGetProperty("row_version", out _));
    }

    [Fact]
    public async Task OpenApi_has_list_get_create_and_bulk_paths_for_every_entity()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var entities = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities"), HttpStatusCode.OK)).Values().Select(e => e.Str("name")).ToList();

        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);

        Assert.StartsWith("3.1", document.Str("openapi"));
        var paths = document.GetProperty("paths");
        Assert.Equal(6, entities.Count);
        foreach (var entity in entities)
        {
            Assert.True(paths.GetProperty($"/data/{entity}").TryGetProperty("get", out _), $"list {entity}");
            Assert.True(paths.GetProperty($"/data/{entity}").TryGetProperty("post", out _), $"create {entity}");
            Assert.True(paths.GetProperty($"/data/{entity}/{{id}}").TryGetProperty("get", out _), $"get {entity}");
            Assert.True(paths.GetProperty($"/data/{entity}/{{id}}").TryGetProperty("patch", out _), $"update {entity}");
            Assert.True(paths.GetProperty($"/data/{entity}/{{id}}").TryGetProperty("delete", out _), $"delete {entity}");
            Assert.True(paths.GetProperty($"/data/{entity}/bulk").TryGetProperty("post", out _), $"bulk {entity}");
            Assert.True(paths.GetProperty($"/data/{entity}/export").TryGetProperty("get", out _), $"export {entity}");
        }
        Assert.True(paths.TryGetProperty("/data/opportunity/{id}/contacts", out _));
        Assert.Equal($"/api/{tenant}", document.GetProperty("servers")[0].Str("url"));
    }

    [Fact]
    public async Task OpenApi_and_metadata_follow_a_schema_change()
    {
        var tenant = await Host.CreateTenantAsync();
        var before = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);
        Assert.False(before.GetProperty("components").GetProperty("schemas").GetProperty("Account").GetProperty("properties").TryGetProperty("vat_number", out _));

        // crm-core 1.1.0 adds a field to account.
        using var temp = new TempFolder();
        var crm = temp.Copy(ApiHost.ShippedModules[0], "crm-core");
        var account = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(crm, "entities", "account.json")))!;
        account["fields"]!.AsArray().Add(new JsonObject { ["name"] = "vat_number", ["type"] = "text", ["maxLength"] = 20 });
        await File.WriteAllTextAsync(Path.Combine(crm, "entities", "account.json"), account.ToJsonString());
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(crm, "module.json")))!;
        manifest["version"] = "1.1.0";
        await File.WriteAllTextAsync(Path.Combine(crm, "module.json"), manifest.ToJsonString());
        await Host.ApplyAsync(tenant, [crm]);

        var after = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);
        var schemas = after.GetProperty("components").GetProperty("schemas");
        Assert.Equal(20, schemas.GetProperty("Account").GetProperty("properties").GetProperty("vat_number").GetProperty("maxLength").GetInt32());
        Assert.True(schemas.GetProperty("AccountInput").GetProperty("properties").TryGetProperty("vat_number", out _));
        var schema = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities/account/schema"), HttpStatusCode.OK);
        Assert.True(schema.GetProperty("properties").TryGetProperty("vat_number", out _));

        // The API serves the new field at once.
        var created = await CreateAsync(tenant, "account", new { name = "Acme", vat_number = "DE123456789" });
        Assert.Equal("DE123456789", (await GetAsync(tenant, "account", created.Id())).Str("vat_number"));
        var problem = await ExpectProblemAsync(await PostAsync(tenant, "account", new { name = "Too long", vat_number = new string('1', 21) }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/vat_number"], Pointers(problem));
    }

    // ---- a module written from the README and schemas -----------------------------------------------------------

    private const string SupportManifest = """
        {
          "$schema": "https://platform.dev/schemas/module.schema.json",
          "id": "support",
          "version": "1.0.0",
          "label": { "en": "Support", "zh-CN": "支持" },
          "description": "Customer support tickets.",
          "dependsOn": { "crm-core": "^1.0.0" }
        }
        """;

    private const string TicketEntity = """
        {
          "name": "ticket",
          "label": { "en": "Ticket", "zh-CN": "工单" },
          "pluralLabel": "Tickets",
          "primaryField": "title",
          "fields": [
            { "name": "title", "type": "text", "maxLength": 120, "required": true },
            { "name": "account", "type": "lookup", "target": "account", "onDelete": "cascade", "required": true },
            { "name": "priority", "type": "choice", "default": "normal",
              "options": [ { "value": "low", "label": "Low" }, { "value": "normal", "label": "Normal" }, { "value": "high", "label": "High" } ] },
            { "name": "due", "type": "date" },
            { "name": "number", "type": "autonumber", "format": "TCK-{0:0000}" }
          ],
          "indexes": [ { "fields": ["priority", "due"] } ]
        }
        """;

    [Fact]
    public async Task A_module_written_from_the_documentation_validates_applies_and_serves_crud()
    {
        using var temp = new TempFolder();
        temp.Write("support/module.json", SupportManifest);
        temp.Write("support/entities/ticket.json", TicketEntity);
        var support = Path.Combine(temp.Path, "support");
        var installer = Host.Services.GetRequiredService<ModuleInstaller>();
        var tenant = await Host.CreateTenantAsync();

        var plan = await installer.PlanAsync(tenant, [support], CancellationToken.None);
        Assert.False(plan.HasErrors, string.Join("\n", plan.Errors));
        await Host.ApplyAsync(tenant, [support]);

        var account = await CreateAccountAsync(tenant, "Acme");
        using var post = await PostAsync(tenant, "ticket", new { title = "Printer on fire", account, due = "2026-12-01" });
        var ticket = await ExpectAsync(post, HttpStatusCode.Created);
        Assert.Equal(("TCK-0001", "normal"), (ticket.Str("number"), ticket.Str("priority")));
        Assert.Equal("\"1\"", post.Headers.ETag?.Tag);

        var problem = await ExpectProblemAsync(await PostAsync(tenant, "ticket", new { priority = "urgent", account = Guid.NewGuid() }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/account", "/priority", "/title"], Pointers(problem).Order(StringComparer.Ordinal));

        await ExpectAsync(await PatchAsync(tenant, "ticket", ticket.Id(), new { priority = "high" }, "\"1\""), HttpStatusCode.OK);
        var page = await ListAsync(tenant, "ticket", ("$filter", "priority eq 'high'"), ("$expand", "account($select=name)"));
        var row = Assert.Single(page.Values());
        Assert.Equal(("Printer on fire", "Acme", "2026-12-01"), (row.Str("title"), row.GetProperty("account").Str("name"), row.Str("due")));

        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);
        Assert.True(document.GetProperty("paths").TryGetProperty("/data/ticket/bulk", out _));

        // onDelete cascade: the account takes its tickets with it.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "account", account))).StatusCode);
        await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "ticket", ticket.Id())), HttpStatusCode.NotFound);

        var second = await CreateAsync(tenant, "ticket", new { title = "Second", account = await CreateAccountAsync(tenant, "Beta") });
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "ticket", second.Id()))).StatusCode);
        Assert.Equal(0, await CountAsync(tenant, "ticket"));
    }
}
