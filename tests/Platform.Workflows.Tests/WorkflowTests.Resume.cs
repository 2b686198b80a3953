using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Storage.Providers;
using Platform.Workflows.Activities.Approval;
using Platform.Workflows.Approvals;
using Platform.Workflows.Runtime;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>
/// Resuming waiting instances cheaply: an approver's decision and the steps after it commit once (the lease is taken by
/// the statement that reads the instance), and a burst of due timers fires a batch of instances per transaction —
/// each timer once, a failing instance faulting alone. Counted in statements and write transactions, not timed.
/// </summary>
public abstract partial class WorkflowTests
{
    private static Dictionary<string, object?> ApprovalBetweenSteps(string id) => Doc(id,
    [
        new { id = "s1", type = "SetVariable", name = "v1", value = 1 },
        new { id = "s2", type = "SetVariable", name = "v2", value = 2 },
        new { id = "approve", type = "Approval", approvers = new[] { new { user = "admin" } }, mode = "any", subject = "Counted" },
        new { id = "s4", type = "SetVariable", name = "v4", value = 4 },
        new { id = "s5", type = "SetVariable", name = "v5", value = 5 },
    ], [Link("s1", "Done", "s2"), Link("s2", "Done", "approve"), Link("approve", "Approved", "s4"), Link("s4", "Done", "s5")]);

    private static Dictionary<string, object?> DelayThenStep(string id) => Doc(id,
        [new { id = "wait", type = "Delay", duration = "PT1H" }, new { id = "after", type = "SetVariable", name = "done", value = Expr("input && input.bad ? variables.nothing.deeper : true") }],
        [Link("wait", "Done", "after")]);

    [Fact]
    public async Task An_approval_flow_starts_in_one_transaction_and_its_decision_and_the_steps_after_it_commit_once()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, ApprovalBetweenSteps("counted"));
        var runtime = await Host.RuntimeAsync(tenant);
        var engine = Host.Services.GetRequiredService<WorkflowEngine>();
        var stored = (await WorkflowDefinitionStore.LatestPublishedAsync(runtime, "counted", CancellationToken.None))!;

        var counter = StatementCount.Begin();
        var id = (await engine.StartAsync(runtime, stored, new StartRequest(null, null, null, RecordActor.System, null), CancellationToken.None))!.Value;
        // Insert, two steps, the approval's task, bookmark and notification: one commit.
        Assert.Equal(1, counter.WriteTransactions);
        Assert.Equal("suspended", (await WorkflowStore.FindInstanceAsync(runtime, id, CancellationToken.None))!.Status);
        var task = Assert.Single(await ApprovalStore.OfInstanceAsync(runtime, id, CancellationToken.None));

        counter.Reset();
        var result = await Host.Services.GetRequiredService<ApprovalCommands>().ActAsync(runtime, task.Id, task.Assignee,
            t => new ApprovalAction(ApprovalAction.Approve, t.Id, task.Assignee, null), CancellationToken.None);

        Assert.Equal(ApprovalCommandStatus.Done, result.Status);
        Assert.Equal("approved", result.Task!.Status);
        // The lease, the decision, the two steps after it and the release of the lease: one commit, where there were four.
        Assert.Equal(1, counter.WriteTransactions);
        // Read the task; lease and read the instance, burn the bookmark, close the task, save state, clear bookmarks,
        // journal; read the task back. A bound, so a new statement on this path is a decision, not an accident.
        Assert.True(counter.Statements <= 10, $"{counter.Statements} statements");
        var instance = await InstanceAsync(tenant, id);
        Assert.Equal("finished", instance.GetProperty("instance").Str("status"));
        Assert.Equal(["s1:Done", "s2:Done", "approve:Approved", "s4:Done", "s5:Done"], PathOf(instance));
        Assert.Equal(0, await BookmarkCountAsync(tenant, id));
    }

    [Fact]
    public async Task A_burst_of_due_timers_fires_a_batch_per_transaction_and_each_timer_once()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, DelayThenStep("burst"));
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++) ids.Add((await StartAsync(tenant, "burst", new { })).GetProperty("id").GetGuid());
        var runtime = await Host.RuntimeAsync(tenant);
        var engine = Host.Services.GetRequiredService<WorkflowEngine>();
        var timers = await TimersOfAsync(runtime, ids);
        Assert.Equal(30, timers.Count);

        var counter = StatementCount.Begin();
        await engine.ResumeTimersAsync(runtime, timers, CancellationToken.None);

        Assert.Equal(1, counter.WriteTransactions);
        // Lease, burn, the 30 states in one UPDATE … FROM, cleared bookmarks, journal (its 120 rows in slices of 17 on
        // SQLite, whose statements cost the square of their parameters): no statement per instance.
        var bound = runtime.Store.Database.Provider == DatabaseProvider.Sqlite ? 4 + 8 : 5;
        Assert.True(counter.Statements <= bound, $"{counter.Statements} statements");
        foreach (var id in ids)
        {
            var instance = await InstanceAsync(tenant, id);
            Assert.Equal("finished", instance.GetProperty("instance").Str("status"));
            Assert.Equal(1, Events(instance).Count(e => e == "wait:resumed"));
        }

        // The same timers again (a second host that claimed them late): their bookmarks are gone, nothing runs twice.
        counter.Reset();
        await engine.ResumeTimersAsync(runtime, timers, CancellationToken.None);
        foreach (var id in ids) Assert.Equal(1, Events(await InstanceAsync(tenant, id)).Count(e => e == "wait:resumed"));
        Assert.Equal(1, counter.WriteTransactions);
    }

    [Fact]
    public async Task An_instance_that_fails_in_a_timer_batch_faults_alone_and_the_others_finish()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, DelayThenStep("burst-fails"));
        var good = new List<Guid>();
        for (var i = 0; i < 6; i++) good.Add((await StartAsync(tenant, "burst-fails", new { })).GetProperty("id").GetGuid());
        var bad = (await StartAsync(tenant, "burst-fails", new { input = new { bad = true } })).GetProperty("id").GetGuid();
        var runtime = await Host.RuntimeAsync(tenant);

        await Host.Services.GetRequiredService<WorkflowEngine>().ResumeTimersAsync(runtime, await TimersOfAsync(runtime, [.. good, bad]), CancellationToken.None);

        foreach (var id in good)
        {
            var instance = await InstanceAsync(tenant, id);
            Assert.True(instance.GetProperty("instance").Str("status") == "finished", instance.ToString());
            Assert.Equal(1, Events(instance).Count(e => e == "wait:resumed"));
        }
        var faulted = await InstanceAsync(tenant, bad);
        Assert.Equal("faulted", faulted.GetProperty("instance").Str("status"));
        Assert.Equal("after", Assert.Single(faulted.GetProperty("incidents").EnumerateArray()).Str("activity"));
        // The resume of the timer committed before the step that failed, once.
        Assert.Equal([":started", "wait:started", "wait:suspended", "wait:resumed", "wait:completed", "after:faulted"], Events(faulted));
    }

    [Fact]
    public async Task Cancelling_an_instance_cancels_its_pending_approval_tasks()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ann, bob) = (await PersonAsync(tenant, "ann"), await PersonAsync(tenant, "bob"));
        await PublishAsync(tenant, ApprovalDoc("to-cancel", [new { user = "ann" }, new { user = "bob" }], "all"));
        var id = (await StartAsync(tenant, "to-cancel", new { })).GetProperty("id").GetGuid();
        var annTask = (await AwaitApprovalAsync(ann, tenant, id)).GetProperty("id").GetGuid();
        await AwaitApprovalAsync(bob, tenant, id);

        await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/instances/{id}/cancel", null), HttpStatusCode.OK);

        var runtime = await Host.RuntimeAsync(tenant);
        var tasks = await ApprovalStore.OfInstanceAsync(runtime, id, CancellationToken.None);
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("cancelled", t.Status));
        Assert.All(tasks, t => Assert.NotNull(t.DecidedAt));
        Assert.Empty(await ApprovalsOfAsync(ann, tenant));
        Assert.Empty(await ApprovalsOfAsync(bob, tenant));
        var conflict = await ExpectProblemAsync(await ActAsync(ann, tenant, annTask, "decision", new { outcome = "approve" }), HttpStatusCode.Conflict);
        Assert.Equal("cancelled", conflict.Str("status"));
    }

    [Fact]
    public async Task A_sequence_keeps_the_approvers_resolved_at_its_start_when_a_manager_changes_mid_sequence()
    {
        var tenant = await Host.CreateTenantAsync();
        var (boss, other, ann) = (await PersonAsync(tenant, "boss"), await PersonAsync(tenant, "other"), await PersonAsync(tenant, "ann"));
        var sue = await PersonAsync(tenant, "sue", managerId: boss.Id);
        await PublishAsync(tenant, ApprovalDoc("in-order", [new { user = "ann" }, new { expression = "manager(user.id)" }], "sequence"));
        var id = (await ExpectAsync(await sue.Client.PostAsync($"{Workflows(tenant)}/in-order/start", Body(new { })), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Empty(await ApprovalsOfAsync(boss, tenant));

        // Sue's manager changes while the first step waits.
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{sue.Id}", Body(new Dictionary<string, object?> { ["manager_id"] = other.Id })), HttpStatusCode.OK);
        await DecideAsync(ann, tenant, (await AwaitApprovalAsync(ann, tenant, id)).GetProperty("id").GetGuid(), "approve");

        // The second step goes to the manager resolved when the approval started, in the order it was written.
        await DecideAsync(boss, tenant, (await AwaitApprovalAsync(boss, tenant, id)).GetProperty("id").GetGuid(), "approve");
        Assert.Empty(await ApprovalsOfAsync(other, tenant));
        Assert.Equal("Approved", Outcome(await WaitForStatusAsync(tenant, id, "finished")));
        var runtime = await Host.RuntimeAsync(tenant);
        Assert.Equal([ann.Id, boss.Id], (await ApprovalStore.OfInstanceAsync(runtime, id, CancellationToken.None)).Select(t => t.Assignee).ToList());
    }

    [Fact]
    public async Task An_approver_added_before_me_decides_first_and_then_the_step_comes_back_to_me()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ann, bob, cid) = (await PersonAsync(tenant, "ann"), await PersonAsync(tenant, "bob"), await PersonAsync(tenant, "cid"));
        await PublishAsync(tenant, ApprovalDoc("before-me", [new { user = "ann" }, new { user = "bob" }], "sequence"));
        var id = (await StartAsync(tenant, "before-me", new { })).GetProperty("id").GetGuid();
        var first = (await AwaitApprovalAsync(ann, tenant, id)).GetProperty("id").GetGuid();

        var added = await ExpectAsync(await ActAsync(ann, tenant, first, "add-approver", new { userId = cid.Id, position = "before" }), HttpStatusCode.OK);
        Assert.Equal("cancelled", added.Str("status"));
        Assert.Empty(await ApprovalsOfAsync(ann, tenant));
        Assert.Empty(await ApprovalsOfAsync(bob, tenant));
        await DecideAsync(cid, tenant, (await AwaitApprovalAsync(cid, tenant, id)).GetProperty("id").GetGuid(), "approve");

        // Ann is asked again, with a new task; bob only after her.
        var again = (await AwaitApprovalAsync(ann, tenant, id)).GetProperty("id").GetGuid();
        Assert.NotEqual(first, again);
        Assert.Empty(await ApprovalsOfAsync(bob, tenant));
        await DecideAsync(ann, tenant, again, "approve");
        await DecideAsync(bob, tenant, (await AwaitApprovalAsync(bob, tenant, id)).GetProperty("id").GetGuid(), "approve");

        Assert.Equal("Approved", Outcome(await WaitForStatusAsync(tenant, id, "finished")));
        var runtime = await Host.RuntimeAsync(tenant);
        var tasks = await ApprovalStore.OfInstanceAsync(runtime, id, CancellationToken.None);
        Assert.Equal([(ann.Id, "cancelled"), (cid.Id, "approved"), (ann.Id, "approved"), (bob.Id, "approved")], tasks.Select(t => (t.Assignee, t.Status)).ToList());
    }

    private static List<string> Events(JsonElement instance) =>
        instance.GetProperty("journal").EnumerateArray().Select(e => $"{e.GetProperty("activity").GetString()}:{e.Str("event")}").ToList();

    /// <summary>The timers the instances wait on, as the poller's claim answers them.</summary>
    private static async Task<IReadOnlyList<BookmarkRow>> TimersOfAsync(Platform.Runtime.TenantRuntime runtime, IReadOnlyList<Guid> instances)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        var timers = new List<BookmarkRow>();
        foreach (var instance in instances)
        {
            await using var command = session.Command(
                $"SELECT {s.Columns("id", "activity_id", "name", "due_at")} FROM {s.T(WorkflowTables.Bookmarks)} WHERE {s.Q("instance_id")} = @i AND {s.Q("due_at")} IS NOT NULL");
            s.Add(command, "@i", WorkflowTables.Bookmarks, "instance_id", instance);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                timers.Add(new BookmarkRow(s.Read<Guid>(reader, 0, WorkflowTables.Bookmarks, "id"), instance, s.Read<string>(reader, 1, WorkflowTables.Bookmarks, "activity_id")!,
                    s.Read<string>(reader, 2, WorkflowTables.Bookmarks, "name")!, s.Read<DateTime?>(reader, 3, WorkflowTables.Bookmarks, "due_at")));
        }
        return timers;
    }
}
