using System.Net;
using System.Text.Json;

namespace Platform.Scripting.Tests;

/// <summary>The shipped sales scripts, end to end: module applied, records written over HTTP on SQLite.</summary>
public sealed class SalesScriptsHttpTests : ScriptTenantHost
{
    /// <summary>A module whose hook fails at run time or loops, to see what the API caller gets.</summary>
    protected override IReadOnlyDictionary<string, string> ModuleFiles { get; } = new Dictionary<string, string>
    {
        ["module.json"] = """{ "id": "hostile", "version": "1.0.0" }""",
        ["entities/gadget.json"] =
            """{ "name": "gadget", "hooks": { "beforeSave": "scripts/gadget.js" }, "fields": [ { "name": "mode", "type": "text" } ] }""",
        ["scripts/gadget.js"] = "if (record.mode === 'throw') {\n  record.nothing.here = 1;\n}\nif (record.mode === 'loop') {\n  while (true) {}\n}\n",
    };

    [Fact]
    public async Task Script_failures_reach_the_caller_as_problems_and_write_nothing()
    {
        var thrown = await DataAsync(HttpMethod.Post, "gadget", new { mode = "throw" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("scripts/gadget.js", thrown.GetProperty("script").GetString());
        Assert.Equal(2, thrown.GetProperty("line").GetInt32());
        Assert.Equal(3, thrown.GetProperty("column").GetInt32());

        var looped = await DataAsync(HttpMethod.Post, "gadget", new { mode = "loop" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(looped.GetProperty("limit").GetString(), new[] { "timeout", "maxStatements" });
        Assert.Equal(5, looped.GetProperty("line").GetInt32());

        var list = await DataAsync(HttpMethod.Get, "gadget", null, HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("value").GetArrayLength());
        await DataAsync(HttpMethod.Post, "gadget", new { mode = "fine" }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Lead_score_is_calculated_on_save_and_read_only()
    {
        var created = await DataAsync(HttpMethod.Post, "lead", new { full_name = "Ann", email = "ann@example.com", company = "Acme", source = "referral", estimated_value = 50000 }, HttpStatusCode.Created);
        Assert.Equal(20 + 20 + 30 + 10, created.GetProperty("score").GetInt32());

        var id = created.GetProperty("id").GetString();
        var updated = await DataAsync(HttpMethod.Patch, $"lead/{id}", new { phone = "+1 555 0100" }, HttpStatusCode.OK);
        Assert.Equal(90, updated.GetProperty("score").GetInt32());

        var refused = await DataAsync(HttpMethod.Patch, $"lead/{id}", new { score = 100 }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("calculated by a formula", refused.GetRawText());
    }

    [Fact]
    public async Task A_won_opportunity_needs_an_amount_and_a_close_date()
    {
        var account = await DataAsync(HttpMethod.Post, "account", new { name = "Acme" }, HttpStatusCode.Created);
        var accountId = account.GetProperty("id").GetString();

        var problem = await DataAsync(HttpMethod.Post, "opportunity", new { name = "Big", account = accountId, stage = "won" }, HttpStatusCode.UnprocessableEntity);
        var text = problem.GetRawText();
        Assert.Contains("A won opportunity needs an amount", text);
        Assert.Contains("A won opportunity needs a close date", text);

        var open = await DataAsync(HttpMethod.Post, "opportunity", new { name = "Big", account = accountId, amount = 1000 }, HttpStatusCode.Created);
        var id = open.GetProperty("id").GetString();
        await DataAsync(HttpMethod.Patch, $"opportunity/{id}", new { stage = "won" }, HttpStatusCode.UnprocessableEntity);
        var won = await DataAsync(HttpMethod.Patch, $"opportunity/{id}", new { stage = "won", close_date = "2026-11-30" }, HttpStatusCode.OK);
        Assert.Equal("won", won.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Convert_lead_action_creates_account_contact_and_opportunity()
    {
        var lead = await DataAsync(HttpMethod.Post, "lead", new { full_name = "Bo Chen", company = "Chen Ltd", email = "bo@chen.example", estimated_value = 12000 }, HttpStatusCode.Created);
        var id = lead.GetProperty("id").GetString();

        var invalid = await DataAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { opportunityName = 42 }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("opportunityName", invalid.GetRawText());

        var answer = await DataAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { opportunityName = "Chen rollout" }, HttpStatusCode.OK);
        var opportunityId = answer.GetProperty("result").GetProperty("opportunity").GetString();
        var opportunity = await DataAsync(HttpMethod.Get, $"opportunity/{opportunityId}", null, HttpStatusCode.OK);
        Assert.Equal("Chen rollout", opportunity.GetProperty("name").GetString());
        Assert.Equal(12000m, opportunity.GetProperty("amount").GetDecimal());
        Assert.Equal(answer.GetProperty("result").GetProperty("account").GetString(), opportunity.GetProperty("account").GetString());
        Assert.Equal("converted", (await DataAsync(HttpMethod.Get, $"lead/{id}", null, HttpStatusCode.OK)).GetProperty("status").GetString());
        var usage = answer.GetProperty("report").GetProperty("usage");
        Assert.Equal(5, usage.GetProperty("crmWrites").GetInt32()); // three creates, the contact's link, the lead's update
        Assert.Equal(150, answer.GetProperty("report").GetProperty("limits").GetProperty("maxCrmWrites").GetInt32());

        // The action's availableWhen (status ne converted) refuses a second run before the script does.
        var again = await DataAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { }, HttpStatusCode.Conflict);
        Assert.Contains("not available", again.GetRawText());
    }
}
