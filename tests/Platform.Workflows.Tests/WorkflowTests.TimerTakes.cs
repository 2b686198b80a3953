using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Storage.Providers;
using Platform.Workflows.Runtime;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>
/// Due timers taken by the transaction that fires them (<see cref="WorkflowEngine.FireDueTimersAsync"/>, the poller's
/// path on SQLite): one commit per batch with no claim of its own, each timer once, a busy instance's timer left due, a
/// failing instance faulting alone, and one tenant's timers never taken by another. The instances wait an hour, and
/// the take is asked for the timers due two hours ahead, so the host's own poller never races the test.
/// </summary>
public abstract partial class WorkflowTests
{
    private async Task<(WorkflowEngine Engine, Platform.Runtime.TenantRuntime Runtime, List<Guid> Ids)> WaitingOnTimersAsync(string tenant, string workflow, int count, object? badInput = null)
    {
        await PublishAsync(tenant, DelayThenStep(workflow));
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add((await StartAsync(tenant, workflow, new { })).GetProperty("id").GetGuid());
        if (badInput is not null) ids.Add((await StartAsync(tenant, workflow, new { input = badInput })).GetProperty("id").GetGuid());
        return (Host.Services.GetRequiredService<WorkflowEngine>(), await Host.RuntimeAsync(tenant), ids);
    }

    private static DateTime TwoHoursAhead(WorkflowEngine engine) => engine.Now.AddHours(2);

    [Fact]
    public async Task Due_timers_are_taken_and_fired_by_one_transaction_and_each_fires_once()
    {
        var tenant = await Host.CreateTenantAsync();
        var (engine, runtime, ids) = await WaitingOnTimersAsync(tenant, "taken", 30);

        var counter = StatementCount.Begin();
        var outcome = await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 500, CancellationToken.None);

        Assert.Equal(new TimerBatchOutcome(30, 30), outcome);
        // The take, lease, burn, states, cleared bookmarks and the journal commit together: no claim transaction.
        Assert.Equal(1, counter.WriteTransactions);
        // One statement each, the journal's rows in one (a single JSON parameter on SQLite, whose statements cost the
        // square of their parameters); the 30 state updates are one statement on PostgreSQL, not one per instance.
        var bound = runtime.Store.Database.Provider == DatabaseProvider.Sqlite ? 5 + 8 : 6;
        Assert.True(counter.Statements <= bound, $"{counter.Statements} statements");
        foreach (var id in ids)
        {
            var instance = await InstanceAsync(tenant, id);
            Assert.Equal("finished", instance.GetProperty("instance").Str("status"));
            Assert.Equal([":started", "wait:started", "wait:suspended", "wait:resumed", "wait:completed", "after:started", "after:completed"], Events(instance));
            Assert.True(instance.GetProperty("variables").GetProperty("done").GetBoolean());
            Assert.Equal(0, await BookmarkCountAsync(tenant, id));
        }

        // Taken again: nothing is due any more, nothing runs twice.
        Assert.Equal(new TimerBatchOutcome(0, 0), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 500, CancellationToken.None));
        foreach (var id in ids) Assert.Equal(1, Events(await InstanceAsync(tenant, id)).Count(e => e == "wait:resumed"));
    }

    [Fact]
    public async Task A_take_fires_at_most_its_limit_and_the_next_take_fires_the_rest()
    {
        var tenant = await Host.CreateTenantAsync();
        var (engine, runtime, ids) = await WaitingOnTimersAsync(tenant, "limited", 5);

        Assert.Equal(new TimerBatchOutcome(3, 3), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 3, CancellationToken.None));
        Assert.Equal(new TimerBatchOutcome(2, 2), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 3, CancellationToken.None));

        foreach (var id in ids) Assert.Equal("finished", (await InstanceAsync(tenant, id)).GetProperty("instance").Str("status"));
    }

    [Fact]
    public async Task A_timer_whose_instance_is_busy_elsewhere_stays_due_and_fires_once_the_lease_is_given_back()
    {
        var tenant = await Host.CreateTenantAsync();
        var (engine, runtime, ids) = await WaitingOnTimersAsync(tenant, "busy", 3);
        var busy = ids[1];
        Assert.True(await WorkflowStore.TryLeaseAsync(runtime, busy, "elsewhere", engine.Now, engine.Now.AddHours(1), CancellationToken.None));

        Assert.Equal(new TimerBatchOutcome(3, 2), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 500, CancellationToken.None));

        // Untouched: still waiting on its timer, under the other host's lease.
        Assert.Equal("suspended", (await WorkflowStore.FindInstanceAsync(runtime, busy, CancellationToken.None))!.Status);
        Assert.Equal(1, await BookmarkCountAsync(tenant, busy));
        Assert.Equal("finished", (await InstanceAsync(tenant, ids[0])).GetProperty("instance").Str("status"));

        await WorkflowStore.ReleaseLeaseAsync(runtime, busy, "elsewhere", CancellationToken.None);
        Assert.Equal(new TimerBatchOutcome(1, 1), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 500, CancellationToken.None));
        var instance = await InstanceAsync(tenant, busy);
        Assert.Equal("finished", instance.GetProperty("instance").Str("status"));
        Assert.Equal(1, Events(instance).Count(e => e == "wait:resumed"));
    }

    [Fact]
    public async Task An_instance_that_fails_in_a_taken_batch_faults_alone_and_the_others_finish()
    {
        var tenant = await Host.CreateTenantAsync();
        var (engine, runtime, ids) = await WaitingOnTimersAsync(tenant, "taken-fails", 6, badInput: new { bad = true });
        var bad = ids[^1];

        var outcome = await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 500, CancellationToken.None);

        // The batch rolled back and each timer fired on its own: all seven resumed, one of them to fault.
        Assert.Equal(new TimerBatchOutcome(7, 7), outcome);
        foreach (var id in ids[..^1])
        {
            var instance = await InstanceAsync(tenant, id);
            Assert.True(instance.GetProperty("instance").Str("status") == "finished", instance.ToString());
            Assert.Equal(1, Events(instance).Count(e => e == "wait:resumed"));
        }
        var faulted = await InstanceAsync(tenant, bad);
        Assert.Equal("faulted", faulted.GetProperty("instance").Str("status"));
        Assert.Equal("after", Assert.Single(faulted.GetProperty("incidents").EnumerateArray()).Str("activity"));
        Assert.Equal([":started", "wait:started", "wait:suspended", "wait:resumed", "wait:completed", "after:faulted"], Events(faulted));
    }

    [Fact]
    public async Task Timers_of_a_faulted_instance_never_hold_up_the_timers_behind_them()
    {
        var tenant = await Host.CreateTenantAsync();
        // Branch A waits an hour, branch B faults: the instance is faulted and keeps A's timer for a retry.
        await PublishAsync(tenant, Doc("half-faulted",
            [
                new { id = "fork", type = "Fork", branches = new[] { "A", "B" } },
                new { id = "wait", type = "Delay", duration = "PT1H" },
                new { id = "boom", type = "Fault", message = "broken branch" },
            ],
            [Link("fork", "A", "wait"), Link("fork", "B", "boom")]));
        var faulted = (await StartAsync(tenant, "half-faulted", new { })).GetProperty("id").GetGuid();
        var (engine, runtime, ids) = await WaitingOnTimersAsync(tenant, "behind", 1);
        Assert.Equal("faulted", (await WorkflowStore.FindInstanceAsync(runtime, faulted, CancellationToken.None))!.Status);
        Assert.Equal(1, await BookmarkCountAsync(tenant, faulted));

        // The faulted instance's timer is the oldest due; a take of one still fires the timer behind it.
        Assert.Equal(new TimerBatchOutcome(1, 1), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 1, CancellationToken.None));
        Assert.Equal("finished", (await InstanceAsync(tenant, ids[0])).GetProperty("instance").Str("status"));
        Assert.Equal(1, await BookmarkCountAsync(tenant, faulted));
        Assert.Equal(new TimerBatchOutcome(0, 0), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_tenant_never_takes_the_timers_of_another()
    {
        var mine = await Host.CreateTenantAsync();
        var (engine, runtime, ids) = await WaitingOnTimersAsync(mine, "mine", 2);
        var other = await Host.CreateTenantAsync();
        await PublishAsync(other, DelayThenStep("theirs"));
        var otherRuntime = await Host.RuntimeAsync(other);

        Assert.Equal(new TimerBatchOutcome(0, 0), await engine.FireDueTimersAsync(otherRuntime, TwoHoursAhead(engine), 500, CancellationToken.None));
        foreach (var id in ids) Assert.Equal("suspended", (await WorkflowStore.FindInstanceAsync(runtime, id, CancellationToken.None))!.Status);

        Assert.Equal(new TimerBatchOutcome(2, 2), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 500, CancellationToken.None));
    }

    [Fact]
    public async Task An_instance_whose_next_activity_writes_a_record_keeps_its_lease_and_runs_it_after_the_batch()
    {
        var tenant = await Host.CreateTenantAsync();
        var ann = await PersonAsync(tenant, "ann");
        await PublishAsync(tenant, Doc("then-task",
            [
                new { id = "wait", type = "Delay", duration = "PT1H" },
                new { id = "task", type = "CreateTask", entity = "activity", subject = "After the wait", assignee = ann.Id.ToString(), values = new { kind = "call", occurred_at = "2026-01-01T09:00:00Z" }, resultVariable = "taskId" },
            ],
            [Link("wait", "Done", "task")]));
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add((await StartAsync(tenant, "then-task", new { })).GetProperty("id").GetGuid());
        var engine = Host.Services.GetRequiredService<WorkflowEngine>();
        var runtime = await Host.RuntimeAsync(tenant);

        Assert.Equal(new TimerBatchOutcome(3, 3), await engine.FireDueTimersAsync(runtime, TwoHoursAhead(engine), 500, CancellationToken.None));

        foreach (var id in ids)
        {
            var instance = await InstanceAsync(tenant, id);
            Assert.Equal("finished", instance.GetProperty("instance").Str("status"));
            var taskId = Guid.Parse(instance.GetProperty("variables").Str("taskId")!);
            // Written through the record pipeline after the batch's commit: owned by the assignee, audited once.
            Assert.Equal(ann.Id, (await RecordAsync(tenant, "activity", taskId)).GetProperty("owner").GetGuid());
            var audit = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/audit?entity=activity&record={taskId}"), HttpStatusCode.OK);
            Assert.Equal(["create"], audit.GetProperty("value").EnumerateArray().Select(e => e.Str("action")).ToList());
            // The lease the batch kept for the CreateTask step was given back when the instance ended.
            Assert.True(await WorkflowStore.TryLeaseAsync(runtime, id, "another", engine.Now, engine.Now.AddMinutes(1), CancellationToken.None));
        }
    }
}
