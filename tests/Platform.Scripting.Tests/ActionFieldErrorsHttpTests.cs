using System.Net;
using System.Text.Json;
using Platform.TestSupport;

namespace Platform.Scripting.Tests;

/// <summary>
/// An action refused at a field answers the save's problem document: 422 "validation" with each error's JSON pointer
/// (a record field or an input property), which the form puts at that field; nothing the script wrote is kept.
/// On SQLite and PostgreSQL (see the derived classes).
/// </summary>
public abstract class ActionFieldErrorsHttpTests(TestProvider provider) : ScriptTenantHost(provider)
{
    protected override IReadOnlyDictionary<string, string> ModuleFiles { get; } = new Dictionary<string, string>
    {
        ["module.json"] = """{ "id": "claims", "version": "1.0.0" }""",
        ["entities/claim.json"] = """
            { "name": "claim",
              "actions": { "approve": { "script": "scripts/approve.js",
                                        "inputSchema": { "type": "object", "properties": { "reason": { "type": "string", "minLength": 2 } } } } },
              "fields": [ { "name": "amount", "type": "integer" }, { "name": "note", "type": "text" } ] }
            """,
        // Writes first, then refuses: the refusal must take the write back.
        ["scripts/approve.js"] = """
            crm.update('claim', record.id, { note: 'approved: ' + (input.reason || '') });
            if (!record.amount) errors.add('amount', 'needs an amount before approval');
            if (input.reason === 'because') errors.add('reason', 'say why in your own words');
            ({ approved: true });
            """,
    };

    private static IReadOnlyList<(string Pointer, string Detail)> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("pointer").GetString()!, e.GetProperty("detail").GetString()!)).ToList();

    [Fact]
    public async Task A_script_refusing_at_a_record_field_answers_its_pointer_and_keeps_nothing()
    {
        var claim = await DataAsync(HttpMethod.Post, "claim", new { note = "new" }, HttpStatusCode.Created);
        var id = claim.GetProperty("id").GetString();

        var problem = await DataAsync(HttpMethod.Post, $"claim/{id}/actions/approve", new { reason = "checked" }, HttpStatusCode.UnprocessableEntity);

        Assert.EndsWith("/validation", problem.GetProperty("type").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal([("/amount", "needs an amount before approval")], Errors(problem));
        Assert.Equal("/amount: needs an amount before approval", problem.GetProperty("detail").GetString());
        Assert.Equal("new", (await DataAsync(HttpMethod.Get, $"claim/{id}", null, HttpStatusCode.OK)).GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_script_refusing_at_an_input_property_answers_its_pointer_beside_the_record_fields()
    {
        var claim = await DataAsync(HttpMethod.Post, "claim", new { note = "new" }, HttpStatusCode.Created);
        var id = claim.GetProperty("id").GetString();

        var problem = await DataAsync(HttpMethod.Post, $"claim/{id}/actions/approve", new { reason = "because" }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal([("/amount", "needs an amount before approval"), ("/reason", "say why in your own words")], Errors(problem));
        Assert.Equal("new", (await DataAsync(HttpMethod.Get, $"claim/{id}", null, HttpStatusCode.OK)).GetProperty("note").GetString());
    }

    [Fact]
    public async Task An_input_the_schema_refuses_answers_its_pointer_before_the_script_runs()
    {
        var claim = await DataAsync(HttpMethod.Post, "claim", new { amount = 5, note = "new" }, HttpStatusCode.Created);
        var id = claim.GetProperty("id").GetString();

        var problem = await DataAsync(HttpMethod.Post, $"claim/{id}/actions/approve", new { reason = "x" }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("The action input is not valid", problem.GetProperty("title").GetString());
        Assert.Equal(["/reason"], Errors(problem).Select(e => e.Pointer));
        Assert.Equal("new", (await DataAsync(HttpMethod.Get, $"claim/{id}", null, HttpStatusCode.OK)).GetProperty("note").GetString());
        var approved = await DataAsync(HttpMethod.Post, $"claim/{id}/actions/approve", new { reason = "checked" }, HttpStatusCode.OK);
        Assert.True(approved.GetProperty("result").GetProperty("approved").GetBoolean());
        Assert.Equal("approved: checked", (await DataAsync(HttpMethod.Get, $"claim/{id}", null, HttpStatusCode.OK)).GetProperty("note").GetString());
    }
}

public sealed class SqliteActionFieldErrorsHttpTests() : ActionFieldErrorsHttpTests(TestProvider.Sqlite);

public sealed class PostgresActionFieldErrorsHttpTests() : ActionFieldErrorsHttpTests(TestProvider.Postgres);
