using System.Net;
using System.Text.Json;
using Platform.Workflows.Tests.Support;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>
/// The sales module's lead-follow-up workflow, end to end through the API with the engine's clock moved forward. A host
/// of its own: moving the clock days ahead would make other tests' schedules catch up.
/// </summary>
public abstract class LeadFollowUpTests(WorkflowHost host)
{
    private WorkflowHost Host { get; } = host;

    private HttpClient Client => Host.Client;

    private async Task<Guid> CreateAsync(string tenant, string entity, object body) =>
        (await ExpectAsync(await Client.PostAsync($"/api/{tenant}/data/{entity}", Body(body)), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private async Task<JsonElement> RecordAsync(string tenant, string entity, Guid id) =>
        await ExpectAsync(await Client.GetAsync($"/api/{tenant}/data/{entity}/{id}"), HttpStatusCode.OK);

    private async Task<JsonElement> InstanceAsync(string tenant, Guid id) =>
        await ExpectAsync(await Client.GetAsync($"/api/{tenant}/workflows/instances/{id}"), HttpStatusCode.OK);

    private async Task<JsonElement> WaitForStatusAsync(string tenant, Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var instance = await InstanceAsync(tenant, id);
            if (instance.GetProperty("instance").Str("status") == status) return instance;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The instance did not become {status}: {instance}");
            await Task.Delay(200);
        }
    }

    private static IReadOnlyList<string> PathOf(JsonElement instance) =>
        instance.GetProperty("instance").GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToList();

    private static readonly TimeSpan PastTheDelay = TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1);

    /// <summary>The lead's follow-up instance once it waits on its timer (record triggers arrive through the outbox).</summary>
    private async Task<Guid> FollowUpWaitingAsync(string tenant, Guid lead)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var instances = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/workflows/instances?workflow=lead-follow-up&recordId={lead}"), HttpStatusCode.OK))
                .GetProperty("value").EnumerateArray().ToList();
            if (instances.Count == 1 && instances[0].Str("status") == "suspended") return instances[0].GetProperty("id").GetGuid();
            if (DateTime.UtcNow > deadline) Assert.Fail($"No waiting lead-follow-up instance for {lead}: {string.Join(", ", instances)}");
            await Task.Delay(200);
        }
    }

    private async Task<IReadOnlyList<JsonElement>> TasksAboutAsync(string tenant, Guid lead)
    {
        var filter = Uri.EscapeDataString($"regarding_entity eq 'lead' and regarding_id eq '{lead}'");
        return (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/data/task?$filter={filter}"), HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().ToList();
    }

    private async Task<IReadOnlyList<JsonElement>> NotificationsAsync(string tenant) =>
        (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/notifications"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();

    [Fact]
    public async Task A_lead_with_no_activity_for_three_days_gives_its_owner_a_call_task_due_a_day_later_and_a_notification()
    {
        var tenant = await Host.CreateTenantAsync();
        var lead = await CreateAsync(tenant, "lead", new { full_name = "Ada Lovelace", company = "Engines Ltd" });
        var owner = (await RecordAsync(tenant, "lead", lead)).GetProperty("owner").GetGuid();
        var id = await FollowUpWaitingAsync(tenant, lead);
        Assert.Empty(await TasksAboutAsync(tenant, lead));

        Host.Clock.Advance(PastTheDelay);
        var fired = DateTime.UtcNow + Host.Clock.Offset;
        var instance = await WaitForStatusAsync(tenant, id, "finished");

        Assert.Equal(["wait:Done", "find-activities:Done", "needs-call:True", "call-task:Done", "tell-owner:Done"], PathOf(instance));
        var task = Assert.Single(await TasksAboutAsync(tenant, lead));
        Assert.Equal("Call Ada Lovelace", task.Str("subject"));
        Assert.Equal(owner, task.GetProperty("owner").GetGuid());
        Assert.Equal("open", task.Str("status"));
        Assert.Equal("high", task.Str("priority"));
        Assert.Contains("(Engines Ltd)", task.Str("description"));
        var due = task.GetProperty("due_at").GetDateTime().ToUniversalTime();
        Assert.InRange(due, fired.AddDays(1).AddMinutes(-2), fired.AddDays(1).AddMinutes(2));
        var notification = Assert.Single(await NotificationsAsync(tenant), n => n.Str("title").StartsWith("Follow up with Ada Lovelace", StringComparison.Ordinal));
        Assert.Equal(lead, notification.GetProperty("link").GetProperty("recordId").GetGuid());
    }

    [Fact]
    public async Task A_lead_with_an_activity_logged_within_three_days_gets_no_task()
    {
        var tenant = await Host.CreateTenantAsync();
        var lead = await CreateAsync(tenant, "lead", new { full_name = "Grace Hopper" });
        var id = await FollowUpWaitingAsync(tenant, lead);
        await CreateAsync(tenant, "activity", new
        {
            subject = "Intro call", kind = "call", occurred_at = DateTime.UtcNow.ToString("O"), regarding_entity = "lead", regarding_id = lead.ToString(),
        });

        Host.Clock.Advance(PastTheDelay);
        var instance = await WaitForStatusAsync(tenant, id, "finished");

        Assert.Equal(["wait:Done", "find-activities:Done", "needs-call:False"], PathOf(instance));
        Assert.Empty(await TasksAboutAsync(tenant, lead));
        Assert.DoesNotContain(await NotificationsAsync(tenant), n => n.Str("title").Contains("Grace Hopper", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_follow_up_timer_waiting_across_a_restart_fires_once()
    {
        var tenant = await Host.CreateTenantAsync();
        var lead = await CreateAsync(tenant, "lead", new { full_name = "Alan Turing" });
        var id = await FollowUpWaitingAsync(tenant, lead);

        await Host.RestartAsync();
        Host.Clock.Advance(PastTheDelay);
        var instance = await WaitForStatusAsync(tenant, id, "finished");
        // Later polls (of this host) find nothing more to fire.
        await Task.Delay(1500);

        Assert.Single(await TasksAboutAsync(tenant, lead));
        var events = (await InstanceAsync(tenant, id)).GetProperty("journal").EnumerateArray()
            .Select(e => $"{e.GetProperty("activity").GetString()}:{e.Str("event")}").ToList();
        Assert.Single(events, e => e == "wait:resumed");
        Assert.Single(events, e => e == "call-task:completed");
        Assert.Single(await NotificationsAsync(tenant), n => n.Str("title").StartsWith("Follow up with Alan Turing", StringComparison.Ordinal));
        Assert.Equal("finished", instance.GetProperty("instance").Str("status"));
    }
}

public sealed class SqliteLeadFollowUpTests(SqliteWorkflowHost host) : LeadFollowUpTests(host), IClassFixture<SqliteWorkflowHost>;

public sealed class PostgresLeadFollowUpTests(PostgresWorkflowHost host) : LeadFollowUpTests(host), IClassFixture<PostgresWorkflowHost>;
