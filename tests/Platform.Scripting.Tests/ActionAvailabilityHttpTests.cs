using System.Net;
using Platform.TestSupport;

namespace Platform.Scripting.Tests;

/// <summary>
/// An action whose availableWhen does not hold for the record is refused with a 409 before its script runs, and the
/// entity's metadata carries the condition for the browser. On SQLite and PostgreSQL (see the derived classes).
/// </summary>
public abstract class ActionAvailabilityHttpTests(TestProvider provider) : ScriptTenantHost(provider)
{
    protected override IReadOnlyDictionary<string, string> ModuleFiles { get; } = new Dictionary<string, string>
    {
        ["module.json"] = """{ "id": "gates", "version": "1.0.0" }""",
        // A script that would write if it ran: the refusal must come before it.
        ["entities/ticket.json"] = """
            { "name": "ticket",
              "actions": { "close": { "script": "scripts/close.js", "label": { "en": "Close", "zh-CN": "关闭" },
                                      "availableWhen": { "and": [ { "field": "state", "op": "in", "value": ["open", "waiting"] },
                                                                  { "field": "title", "op": "notEmpty" } ] } } },
              "fields": [ { "name": "title", "type": "text" },
                          { "name": "state", "type": "choice", "options": [ { "value": "open" }, { "value": "waiting" }, { "value": "closed" } ] },
                          { "name": "closings", "type": "integer" } ] }
            """,
        ["scripts/close.js"] = "crm.update('ticket', record.id, { state: 'closed', closings: (record.closings || 0) + 1 });\n",
    };

    [Fact]
    public async Task A_converted_lead_is_refused_with_409_naming_the_action_and_nothing_is_created()
    {
        var lead = await DataAsync(HttpMethod.Post, "lead", new { full_name = "Ana Ruiz", company = "Ruiz SA", status = "qualified" }, HttpStatusCode.Created);
        var id = lead.GetProperty("id").GetString();
        await DataAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { }, HttpStatusCode.OK);
        var accounts = (await ListAsync("account", "name eq 'Ruiz SA'")).Count;

        var refused = await DataAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { }, HttpStatusCode.Conflict);

        Assert.Equal("The action 'Convert' is not available", refused.GetProperty("title").GetString());
        Assert.Contains("not available for this record", refused.GetProperty("detail").GetString());
        Assert.Equal("convert", refused.GetProperty("action").GetString());
        Assert.Equal(accounts, (await ListAsync("account", "name eq 'Ruiz SA'")).Count);
    }

    [Fact]
    public async Task A_lead_marked_converted_by_hand_is_refused_before_the_script_runs()
    {
        var lead = await DataAsync(HttpMethod.Post, "lead", new { full_name = "Kai Sato", company = "Sato KK", status = "converted" }, HttpStatusCode.Created);

        await DataAsync(HttpMethod.Post, $"lead/{lead.GetProperty("id").GetString()}/actions/convert", new { }, HttpStatusCode.Conflict);

        Assert.Empty(await ListAsync("account", "name eq 'Sato KK'"));
    }

    [Fact]
    public async Task A_compound_condition_gates_the_action_and_a_refusal_leaves_the_record_unchanged()
    {
        var open = await DataAsync(HttpMethod.Post, "ticket", new { title = "Printer", state = "waiting" }, HttpStatusCode.Created);
        var untitled = await DataAsync(HttpMethod.Post, "ticket", new { state = "open" }, HttpStatusCode.Created);
        var openId = open.GetProperty("id").GetString();

        await DataAsync(HttpMethod.Post, $"ticket/{openId}/actions/close", new { }, HttpStatusCode.OK);
        var closedAgain = await DataAsync(HttpMethod.Post, $"ticket/{openId}/actions/close", new { }, HttpStatusCode.Conflict);
        await DataAsync(HttpMethod.Post, $"ticket/{untitled.GetProperty("id").GetString()}/actions/close", new { }, HttpStatusCode.Conflict);

        Assert.Equal("The action 'Close' is not available", closedAgain.GetProperty("title").GetString());
        var after = await DataAsync(HttpMethod.Get, $"ticket/{openId}", null, HttpStatusCode.OK);
        Assert.Equal(1, after.GetProperty("closings").GetInt32());
        Assert.Equal("closed", after.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_entity_metadata_carries_the_condition_for_the_browser()
    {
        var lead = await SendAsync(HttpMethod.Get, "metadata/entities/lead", null, HttpStatusCode.OK);

        var when = lead.GetProperty("actions").GetProperty("convert").GetProperty("availableWhen");
        Assert.Equal("status", when.GetProperty("field").GetString());
        Assert.Equal("ne", when.GetProperty("op").GetString());
        Assert.Equal("converted", when.GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_409_of_a_gated_action()
    {
        using var response = await Client.GetAsync($"/api/{Tenant}/openapi.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var paths = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("paths");

        var responses = paths.GetProperty("/data/lead/{id}/actions/convert").GetProperty("post").GetProperty("responses");
        Assert.True(responses.TryGetProperty("409", out _));
    }
}

public sealed class SqliteActionAvailabilityHttpTests() : ActionAvailabilityHttpTests(TestProvider.Sqlite);

public sealed class PostgresActionAvailabilityHttpTests() : ActionAvailabilityHttpTests(TestProvider.Postgres);
