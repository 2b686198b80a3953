using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task Query_create_task_notify_and_a_past_wait_until_run_in_order_as_the_caller()
    {
        var tenant = await Host.CreateTenantAsync();
        await CreateAsync(tenant, "account", new { name = "Alpha", city = "Oslo" });
        await CreateAsync(tenant, "account", new { name = "Beta", city = "Oslo" });
        await CreateAsync(tenant, "account", new { name = "Gamma", city = "Rome" });
        await PublishAsync(tenant, Doc("follow-up",
        [
            new { id = "find", type = "QueryRecords", entity = "account", filter = Expr("\"city eq '\" + input.city + \"'\""), resultVariable = "accounts" },
            new { id = "wait", type = "WaitUntil", at = "2020-01-01" },
            new { id = "task", type = "CreateTask", entity = "activity", subject = Expr("'Call ' + variables.accounts.length + ' accounts'"),
                  values = new { kind = "call", occurred_at = "2026-01-01T09:00:00Z" }, resultVariable = "taskId" },
            new { id = "ping", type = "Notify", users = Expr("[user.id]"), message = Expr("'Task ' + variables.taskId") },
        ],
        [Link("find", "Done", "wait"), Link("wait", "Done", "task"), Link("task", "Done", "ping")]));

        var started = await StartAsync(tenant, "follow-up", new { input = new { city = "Oslo" } });

        Assert.Equal("finished", started.Str("status"));
        Assert.Equal(["find:Done", "wait:Done", "task:Done", "ping:Done"], PathOf(started));
        var variables = (await InstanceAsync(tenant, started.GetProperty("id").GetGuid())).GetProperty("variables");
        Assert.Equal(2, variables.GetProperty("accounts").GetArrayLength());
        var task = await RecordAsync(tenant, "activity", Guid.Parse(variables.Str("taskId")));
        Assert.Equal("Call 2 accounts", task.Str("subject"));
        var notifications = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/notifications"), System.Net.HttpStatusCode.OK);
        Assert.Equal($"Task {variables.Str("taskId")}", Assert.Single(notifications.GetProperty("value").EnumerateArray()).Str("title"));
    }

    [Fact]
    public async Task A_schedule_trigger_starts_an_instance_per_occurrence_until_a_new_version_drops_it()
    {
        var tenant = await Host.CreateTenantAsync();
        var every = Doc("heartbeat", [new { id = "beat", type = "SetVariable", name = "beat", value = true }],
            trigger: new { type = "schedule", cron = "* * * * * *", timeZone = "Europe/Berlin" });
        await PublishAsync(tenant, every);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await InstancesAsync(tenant, "workflow=heartbeat&status=finished")).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(200);
        // Version 2 has no schedule: no more instances after it.
        every["trigger"] = new { type = "manual" };
        await PublishAsync(tenant, every);
        await Task.Delay(1500);
        var count = (await InstancesAsync(tenant, "workflow=heartbeat")).Count;
        Assert.True(count >= 2, $"only {count} scheduled instances started");
        await Task.Delay(2000);
        Assert.Equal(count, (await InstancesAsync(tenant, "workflow=heartbeat")).Count);
        Assert.All(await InstancesAsync(tenant, "workflow=heartbeat"), i => Assert.Equal(1, i.GetProperty("version").GetInt64()));
    }
}

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task Expressions_see_the_acting_user_and_look_up_users_and_managers()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        await PublishAsync(tenant, Doc("who",
            [new { id = "who", type = "SetVariable", name = "who", value = Expr("user(user.id).userName + '|' + manager(user.id) + '|' + user.roles.join(',') + '|' + user('nobody')") }]));

        var started = await StartAsync(tenant, "who", new { });

        var who = (await InstanceAsync(tenant, started.GetProperty("id").GetGuid())).GetProperty("variables").Str("who");
        Assert.Equal($"{Platform.TestSupport.TestAdmin.UserName}|null|admin|null", who);
    }
}
