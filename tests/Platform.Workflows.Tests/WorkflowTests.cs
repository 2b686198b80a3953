using System.Net;
using System.Text.Json;
using Platform.Workflows.Tests.Support;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>
/// The workflow runtime end to end through the API host. The same tests run on SQLite and PostgreSQL (the derived
/// classes); each test gets its own tenant.
/// </summary>
public abstract partial class WorkflowTests(WorkflowHost host)
{
    protected WorkflowHost Host { get; } = host;

    protected HttpClient Client => Host.Client;

    protected static string Workflows(string tenant) => $"/api/{tenant}/workflows";

    /// <summary>A minimal valid document with the given activities and connections (and trigger, variables, runAs).</summary>
    protected static Dictionary<string, object?> Doc(string id, object[] activities, object[]? connections = null, object? trigger = null,
        object? variables = null, object? runAs = null)
    {
        var doc = new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1, ["id"] = id, ["label"] = new { en = id },
            ["trigger"] = trigger ?? new { type = "manual" },
            ["root"] = new { type = "Flowchart", activities, connections = connections ?? [] },
        };
        if (variables is not null) doc["variables"] = variables;
        if (runAs is not null) doc["runAs"] = runAs;
        return doc;
    }

    protected static object Link(string from, string port, string to) => new { source = new { activity = from, port }, target = new { activity = to, port = "In" } };

    protected static object Expr(string code) => new { expression = code };

    /// <summary>Saves the document as the draft and publishes it.</summary>
    protected async Task PublishAsync(string tenant, Dictionary<string, object?> doc)
    {
        var id = (string)doc["id"]!;
        await ExpectAsync(await Client.PutAsync($"{Workflows(tenant)}/{id}/draft", Body(doc)), HttpStatusCode.OK);
        await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/{id}/publish", null), HttpStatusCode.OK);
    }

    protected async Task<JsonElement> StartAsync(string tenant, string id, object body) =>
        await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/{id}/start", Body(body)), HttpStatusCode.Created);

    protected async Task<JsonElement> InstanceAsync(string tenant, Guid id) =>
        await ExpectAsync(await Client.GetAsync($"{Workflows(tenant)}/instances/{id}"), HttpStatusCode.OK);

    protected async Task<IReadOnlyList<JsonElement>> InstancesAsync(string tenant, string query) =>
        (await ExpectAsync(await Client.GetAsync($"{Workflows(tenant)}/instances?{query}"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();

    protected async Task<Guid> CreateAsync(string tenant, string entity, object body) =>
        (await ExpectAsync(await Client.PostAsync($"/api/{tenant}/data/{entity}", Body(body)), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    protected async Task PatchAsync(string tenant, string entity, Guid id, object body) =>
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/data/{entity}/{id}", Body(body)), HttpStatusCode.OK);

    protected async Task<JsonElement> RecordAsync(string tenant, string entity, Guid id) =>
        await ExpectAsync(await Client.GetAsync($"/api/{tenant}/data/{entity}/{id}"), HttpStatusCode.OK);

    /// <summary>Polls until the instance has the status (or fails with the last answer).</summary>
    protected async Task<JsonElement> WaitForStatusAsync(string tenant, Guid id, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60)); // generous for a loaded CI machine
        while (true)
        {
            var instance = await InstanceAsync(tenant, id);
            if (instance.GetProperty("instance").Str("status") == status) return instance;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The instance did not become {status}: {instance}");
            await Task.Delay(200);
        }
    }

    protected static IReadOnlyList<string> PathOf(JsonElement instance) =>
        (instance.TryGetProperty("instance", out var inner) ? inner : instance).GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToList();
}

public sealed class SqliteWorkflowTests(SqliteWorkflowHost host) : WorkflowTests(host), IClassFixture<SqliteWorkflowHost>;

/// <summary>The same tests on PostgreSQL (server from PLATFORM_TEST_POSTGRES; one fresh database for the class).</summary>
public sealed class PostgresWorkflowTests(PostgresWorkflowHost host) : WorkflowTests(host), IClassFixture<PostgresWorkflowHost>;
