using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Runtime;
using Platform.TestSupport;

namespace Platform.Scripting.Tests;

/// <summary>The shipped sales scripts, end to end: module applied, records written over HTTP on SQLite.</summary>
public sealed class SalesScriptsHttpTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-scripts-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private const string Tenant = "scripts";

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in TestHostSettings.Common) builder.UseSetting(key, value);
            builder.UseSetting("provider", "sqlite");
            builder.UseSetting("data-dir", _dataDirectory);
            builder.UseSetting("modules-dir", RepositoryPaths.Modules);
            builder.UseSetting("demo", "false");
        });
        _client = _factory.CreateDefaultClient(new AdminTokenHandler());
        var installer = _factory.Services.GetRequiredService<ModuleInstaller>();
        var result = await installer.ApplyAsync(Tenant,
            [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales"), WriteHostileModule()],
            allowDataLoss: false, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        await _factory.Services.GetRequiredService<TenantAdministrators>().EnsureAsync(Tenant, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A module whose hook fails at run time or loops, to see what the API caller gets.</summary>
    private string WriteHostileModule()
    {
        var folder = Path.Combine(_dataDirectory, "hostile");
        Directory.CreateDirectory(Path.Combine(folder, "entities"));
        Directory.CreateDirectory(Path.Combine(folder, "scripts"));
        File.WriteAllText(Path.Combine(folder, "module.json"), """{ "id": "hostile", "version": "1.0.0" }""");
        File.WriteAllText(Path.Combine(folder, "entities", "gadget.json"),
            """{ "name": "gadget", "hooks": { "beforeSave": "scripts/gadget.js" }, "fields": [ { "name": "mode", "type": "text" } ] }""");
        File.WriteAllText(Path.Combine(folder, "scripts", "gadget.js"),
            "if (record.mode === 'throw') {\n  record.nothing.here = 1;\n}\nif (record.mode === 'loop') {\n  while (true) {}\n}\n");
        return folder;
    }

    [Fact]
    public async Task Script_failures_reach_the_caller_as_problems_and_write_nothing()
    {
        var thrown = await SendAsync(HttpMethod.Post, "gadget", new { mode = "throw" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("scripts/gadget.js", thrown.GetProperty("script").GetString());
        Assert.Equal(2, thrown.GetProperty("line").GetInt32());
        Assert.Equal(3, thrown.GetProperty("column").GetInt32());

        var looped = await SendAsync(HttpMethod.Post, "gadget", new { mode = "loop" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(looped.GetProperty("limit").GetString(), new[] { "timeout", "maxStatements" });
        Assert.Equal(5, looped.GetProperty("line").GetInt32());

        var list = await SendAsync(HttpMethod.Get, "gadget", null, HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("value").GetArrayLength());
        await SendAsync(HttpMethod.Post, "gadget", new { mode = "fine" }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Lead_score_is_calculated_on_save_and_read_only()
    {
        var created = await SendAsync(HttpMethod.Post, "lead", new { full_name = "Ann", email = "ann@example.com", company = "Acme", source = "referral", estimated_value = 50000 }, HttpStatusCode.Created);
        Assert.Equal(20 + 20 + 30 + 10, created.GetProperty("score").GetInt32());

        var id = created.GetProperty("id").GetString();
        var updated = await SendAsync(HttpMethod.Patch, $"lead/{id}", new { phone = "+1 555 0100" }, HttpStatusCode.OK);
        Assert.Equal(90, updated.GetProperty("score").GetInt32());

        var refused = await SendAsync(HttpMethod.Patch, $"lead/{id}", new { score = 100 }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("calculated by a formula", refused.GetRawText());
    }

    [Fact]
    public async Task A_won_opportunity_needs_an_amount_and_a_close_date()
    {
        var account = await SendAsync(HttpMethod.Post, "account", new { name = "Acme" }, HttpStatusCode.Created);
        var accountId = account.GetProperty("id").GetString();

        var problem = await SendAsync(HttpMethod.Post, "opportunity", new { name = "Big", account = accountId, stage = "won" }, HttpStatusCode.UnprocessableEntity);
        var text = problem.GetRawText();
        Assert.Contains("A won opportunity needs an amount", text);
        Assert.Contains("A won opportunity needs a close date", text);

        var open = await SendAsync(HttpMethod.Post, "opportunity", new { name = "Big", account = accountId, amount = 1000 }, HttpStatusCode.Created);
        var id = open.GetProperty("id").GetString();
        await SendAsync(HttpMethod.Patch, $"opportunity/{id}", new { stage = "won" }, HttpStatusCode.UnprocessableEntity);
        var won = await SendAsync(HttpMethod.Patch, $"opportunity/{id}", new { stage = "won", close_date = "2026-11-30" }, HttpStatusCode.OK);
        Assert.Equal("won", won.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Convert_lead_action_creates_account_contact_and_opportunity()
    {
        var lead = await SendAsync(HttpMethod.Post, "lead", new { full_name = "Bo Chen", company = "Chen Ltd", email = "bo@chen.example", estimated_value = 12000 }, HttpStatusCode.Created);
        var id = lead.GetProperty("id").GetString();

        var invalid = await SendAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { opportunityName = 42 }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("opportunityName", invalid.GetRawText());

        var answer = await SendAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { opportunityName = "Chen rollout" }, HttpStatusCode.OK);
        var opportunityId = answer.GetProperty("result").GetProperty("opportunity").GetString();
        var opportunity = await SendAsync(HttpMethod.Get, $"opportunity/{opportunityId}", null, HttpStatusCode.OK);
        Assert.Equal("Chen rollout", opportunity.GetProperty("name").GetString());
        Assert.Equal(12000m, opportunity.GetProperty("amount").GetDecimal());
        Assert.Equal(answer.GetProperty("result").GetProperty("account").GetString(), opportunity.GetProperty("account").GetString());
        Assert.Equal("converted", (await SendAsync(HttpMethod.Get, $"lead/{id}", null, HttpStatusCode.OK)).GetProperty("status").GetString());
        var usage = answer.GetProperty("report").GetProperty("usage");
        Assert.Equal(4, usage.GetProperty("crmWrites").GetInt32());
        Assert.Equal(150, answer.GetProperty("report").GetProperty("limits").GetProperty("maxCrmWrites").GetInt32());

        var again = await SendAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("already converted", again.GetRawText());
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, $"/api/{Tenant}/data/{path}") { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
