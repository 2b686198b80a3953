using System.Net;
using System.Text.Json;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>CreateTask gives its record to the assignee in the write that creates it: one audited create, no assignment after.</summary>
public abstract partial class WorkflowTests
{
    private static Dictionary<string, object?> TaskFor(string id, string assignee) => Doc(id,
        [new { id = "task", type = "CreateTask", entity = "activity", subject = $"Call for {id}", assignee, values = new { kind = "call", occurred_at = "2026-01-01T09:00:00Z" }, resultVariable = "taskId" }]);

    [Fact]
    public async Task CreateTask_creates_the_record_owned_by_the_assignee_in_one_audited_write()
    {
        var tenant = await Host.CreateTenantAsync();
        var ann = await PersonAsync(tenant, "ann");
        await PublishAsync(tenant, TaskFor("give-ann", ann.Id.ToString()));

        var started = await StartAsync(tenant, "give-ann", new { });

        Assert.Equal("finished", started.Str("status"));
        var taskId = Guid.Parse((await InstanceAsync(tenant, started.GetProperty("id").GetGuid())).GetProperty("variables").Str("taskId")!);
        var task = await RecordAsync(tenant, "activity", taskId);
        Assert.Equal(ann.Id, task.GetProperty("owner").GetGuid());
        // Ann sees it as hers (her inbox lists open tasks she owns only when the entity is 'task'; the record is hers to read).
        Assert.Equal(HttpStatusCode.OK, (await ann.Client.GetAsync($"/api/{tenant}/data/activity/{taskId}")).StatusCode);
        var audit = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/audit?entity=activity&record={taskId}"), HttpStatusCode.OK);
        Assert.Equal(["create"], audit.GetProperty("value").EnumerateArray().Select(e => e.Str("action")).ToList());
    }

    [Fact]
    public async Task CreateTask_for_a_user_who_does_not_exist_faults_and_creates_nothing()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, TaskFor("give-nobody", Guid.NewGuid().ToString()));

        var started = await StartAsync(tenant, "give-nobody", new { });

        Assert.Equal("faulted", started.Str("status"));
        var incident = Assert.Single((await InstanceAsync(tenant, started.GetProperty("id").GetGuid())).GetProperty("incidents").EnumerateArray());
        Assert.Contains("no active user", incident.Str("error"));
        var found = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/data/activity?$filter=subject eq 'Call for give-nobody'"), HttpStatusCode.OK);
        Assert.Empty(found.GetProperty("value").EnumerateArray());
    }
}
