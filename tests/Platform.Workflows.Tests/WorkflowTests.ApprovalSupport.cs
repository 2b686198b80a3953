using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestSupport;
using Platform.Workflows.Runtime;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>Helpers of the approval tests: users with managers and e-mail addresses, their clients, inbox and actions.</summary>
public abstract partial class WorkflowTests
{
    protected sealed record Person(Guid Id, string UserName, HttpClient Client);

    /// <summary>A user of the tenant (created by the administrator) with a signed-in client.</summary>
    protected async Task<Person> PersonAsync(string tenant, string userName, string[]? roles = null, Guid? managerId = null, string[]? teams = null)
    {
        using var response = await Client.PostAsJsonAsync($"/api/{tenant}/admin/users", new Dictionary<string, object?>
        {
            ["user_name"] = userName, ["password"] = TenantUsers.Password, ["roles"] = roles ?? ["salesperson"], ["teams"] = teams ?? [],
            ["manager_id"] = managerId, ["email"] = $"{userName}@example.com", ["display_name"] = userName,
        });
        var id = (await ExpectAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return new Person(id, userName, await Host.UserClientAsync(tenant, userName));
    }

    protected static async Task<IReadOnlyList<JsonElement>> InboxAsync(Person person, string tenant) =>
        (await ExpectAsync(await person.Client.GetAsync($"/api/{tenant}/inbox"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();

    protected static async Task<IReadOnlyList<JsonElement>> ApprovalsOfAsync(Person person, string tenant) =>
        (await InboxAsync(person, tenant)).Where(i => i.Str("kind") == "approval").ToList();

    protected static Task<HttpResponseMessage> ActAsync(Person person, string tenant, Guid task, string action, object body) =>
        person.Client.PostAsync($"/api/{tenant}/approvals/{task}/{action}", Body(body));

    protected static async Task<JsonElement> DecideAsync(Person person, string tenant, Guid task, string outcome, string? comment = null) =>
        await ExpectAsync(await ActAsync(person, tenant, task, "decision", new { outcome, comment }), HttpStatusCode.OK);

    /// <summary>Polls until the person's inbox holds an approval of the instance (a record trigger starts it a moment after the write).</summary>
    protected async Task<JsonElement> AwaitApprovalAsync(Person person, string tenant, Guid? instance = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = (await ApprovalsOfAsync(person, tenant)).Where(i => instance is null || i.GetProperty("instanceId").GetGuid() == instance).ToList();
            if (found.Count > 0) return Assert.Single(found);
            if (DateTime.UtcNow > deadline) Assert.Fail($"{person.UserName} got no approval task.");
            await Task.Delay(200);
        }
    }

    /// <summary>Makes the instance's timers due now, as if their time had passed (the poller fires them within its interval).</summary>
    protected async Task MakeTimersDueAsync(string tenant, Guid instance)
    {
        var runtime = await Host.RuntimeAsync(tenant);
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, CancellationToken.None);
        await using (var command = session.Command(
            $"UPDATE {s.T(WorkflowTables.Bookmarks)} SET {s.Q("due_at")} = @now WHERE {s.Q("instance_id")} = @i AND {s.Q("due_at")} IS NOT NULL"))
        {
            s.Add(command, "@now", WorkflowTables.Bookmarks, "due_at", DateTime.UtcNow.AddSeconds(-1));
            s.Add(command, "@i", WorkflowTables.Bookmarks, "instance_id", instance);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        await session.CommitAsync(CancellationToken.None);
    }

    protected async Task<int> BookmarkCountAsync(string tenant, Guid instance)
    {
        var runtime = await Host.RuntimeAsync(tenant);
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        return (await WorkflowStore.BookmarksOfAsync(session, runtime.Store.Database, instance, CancellationToken.None)).Count;
    }

    /// <summary>An approval of the given approvers and mode, then a SetVariable per port it can complete through.</summary>
    protected static Dictionary<string, object?> ApprovalDoc(string id, object[] approvers, string mode, object? extra = null)
    {
        var approval = new Dictionary<string, object?> { ["id"] = "approve", ["type"] = "Approval", ["approvers"] = approvers, ["mode"] = mode, ["subject"] = "Please approve" };
        if (extra is not null)
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject()) approval[property.Name] = property.Value;
        string[] ports = ["Approved", "Rejected", "Returned", "Withdrawn", "TimedOut"];
        return Doc(id, [approval, .. ports.Select(p => (object)new { id = $"on{p}", type = "SetVariable", name = "outcome", value = p })],
            [.. ports.Select(p => Link("approve", p, $"on{p}"))]);
    }

    protected static string? Outcome(JsonElement instance) =>
        instance.GetProperty("variables").TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String ? outcome.GetString() : null;
}
