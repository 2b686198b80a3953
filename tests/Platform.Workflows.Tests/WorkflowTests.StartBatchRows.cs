using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Storage.Providers;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Tests;

/// <summary>
/// The rows a batch of triggered starts writes: instances and journals in a few multi-row statements of one
/// transaction (on SQLite one JSON parameter per statement instead of one parameter per value), read back exactly as
/// written, with time-ordered ids. Counted, not timed.
/// </summary>
public abstract partial class WorkflowTests
{
    private static Dictionary<string, object?> TwoSteps(string id) => Doc(id,
        [new { id = "a", type = "SetVariable", name = "seen", value = true }, new { id = "b", type = "SetVariable", name = "done", value = true }],
        [Link("a", "Done", "b")]);

    [Fact]
    public async Task A_batch_of_seventy_two_step_starts_commits_once_with_one_instance_insert_and_one_journal_insert()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, TwoSteps("rows"));
        var runtime = await Host.RuntimeAsync(tenant);
        var engine = Host.Services.GetRequiredService<WorkflowEngine>();
        var stored = (await WorkflowDefinitionStore.LatestPublishedAsync(runtime, "rows", CancellationToken.None))!;
        var starts = Enumerable.Range(0, 70)
            .Select(n => (stored, new StartRequest("account", Guid.NewGuid(), null, RecordActor.System, $"rows-batch:{n}"))).ToList();

        var counter = StatementCount.Begin();
        var outcomes = await engine.StartManyAsync(runtime, starts, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Null(o.Failure));
        Assert.Equal(1, counter.WriteTransactions);
        // 70 instance rows in one INSERT; 3 journal rows each (the instance's "started", one row per step) = 210 in one INSERT.
        Assert.Equal(2, counter.Statements);
        var ids = outcomes.Select(o => o.InstanceId!.Value).ToList();
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        foreach (var id in ids)
        {
            Assert.Equal("finished", (await WorkflowStore.FindInstanceAsync(runtime, id, CancellationToken.None))!.Status);
            var journal = await WorkflowStore.JournalAsync(runtime, id, CancellationToken.None);
            Assert.Equal([1L, 2, 3, 4, 5], journal.Select(e => e.Sequence));
            Assert.Equal([":started", "a:started", "a:completed", "b:started", "b:completed"], journal.Select(e => $"{e.ActivityId}:{e.Event}"));
        }
        Assert.Equal(3, await JournalRowCountAsync(runtime, ids[0]));

        // The same batch again (a repeated delivery): every start key was used, nothing is written twice.
        Assert.All(await engine.StartManyAsync(runtime, starts, CancellationToken.None), o => Assert.Null(o.InstanceId));
        Assert.Equal(5, (await WorkflowStore.JournalAsync(runtime, ids[0], CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Journal_rows_inserted_many_at_a_time_read_back_exactly_as_written()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = await Host.RuntimeAsync(tenant);
        var instance = Guid.CreateVersion7();
        // Microsecond precision: what both providers keep of a timestamp.
        var at = new DateTime(2026, 12, 5, 13, 14, 15, DateTimeKind.Utc).AddTicks(1_234_560);
        // 301 entries: more than one statement's rows; nulls, quotes, backslashes, line breaks and non-Latin text survive.
        var written = Enumerable.Range(1, 301).Select(n => new JournalEntry(
            n, n % 3 == 0 ? null : $"act-{n}", n % 3 == 0 ? null : "SetVariable", n % 2 == 0 ? "completed" : "started",
            n % 5 == 0 ? "Done,Other" : null, n % 4 == 0 ? $$"""{"inputs":{"say":"\"quoted\" \\ back\nline 中文 😀 {{n}}"},"output":null}""" : null,
            at.AddSeconds(n))).ToList();

        await using (var session = await runtime.Store.OpenAsync(write: true, CancellationToken.None))
        {
            await WorkflowStartBatchStore.InsertJournalAsync(session, runtime.Store.Database, written.Select(e => (instance, e)).ToList(), CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(written, await WorkflowStore.JournalAsync(runtime, instance, CancellationToken.None));
    }

    [Fact]
    public void Instance_state_leaves_out_empty_members_and_reads_back_as_it_was_and_as_older_rows_wrote_it()
    {
        var state = new InstanceState
        {
            Variables = new System.Text.Json.Nodes.JsonObject { ["seen"] = true }, Entity = "account", RecordId = Guid.NewGuid(),
            Actor = new ActorSnapshot { UserId = Guid.NewGuid(), Name = "Ann", Roles = ["sales"] }, Path = ["a:Done", "b:Done"], JournalSequence = 5,
        };

        var json = state.Serialize();

        foreach (var empty in new[] { "queue", "joinArrivals", "joinsFired", "waiting", "activityData", "teams", "isSystem", "input" })
            Assert.DoesNotContain($"\"{empty}\"", json);
        Assert.Equal(json, InstanceState.Deserialize(json).Serialize());
        var read = InstanceState.Deserialize(json);
        Assert.Empty(read.Queue);
        Assert.Empty(read.Waiting);
        Assert.Equal(["sales"], read.Actor.Roles);
        Assert.Equal(5, read.JournalSequence);
        // A row saved before (every member written) reads the same.
        const string older = """{"variables":{"seen":true},"entity":"account","actor":{"name":"Ann","roles":["sales"],"teams":[],"isSystem":false},"queue":[],"joinArrivals":{},"joinsFired":[],"waiting":{},"path":["a:Done"],"journalSequence":3,"activityData":{}}""";
        var old = InstanceState.Deserialize(older);
        Assert.Equal(["a:Done"], old.Path);
        Assert.Equal(3, old.JournalSequence);
        Assert.Empty(old.JoinArrivals);
        Assert.Equal("""{"variables":{"seen":true},"entity":"account","actor":{"name":"Ann","roles":["sales"]},"path":["a:Done"],"journalSequence":3}""", old.Serialize());
    }

    [Fact]
    public async Task A_step_started_and_completed_in_one_instant_is_one_journal_row_and_rows_stored_apart_read_the_same()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = await Host.RuntimeAsync(tenant);
        var at = new DateTime(2026, 12, 5, 13, 0, 0, DateTimeKind.Utc);
        List<JournalEntry> entries =
        [
            new(1, null, null, "started", null, null, at),
            new(2, "a", "SetVariable", "started", null, null, at),
            new(3, "a", "SetVariable", "completed", "Done", """{"inputs":{"name":"seen"},"output":true}""", at),
            new(4, "w", "Delay", "started", null, null, at),
            new(5, "w", "Delay", "suspended", "timer", null, at),
            new(6, "w", "Delay", "resumed", null, null, at.AddHours(1)),
            new(7, "w", "Delay", "completed", "Done", null, at.AddHours(1)),
            new(8, "b", "SetVariable", "started", null, null, at.AddHours(1)),
            new(9, "b", "SetVariable", "completed", "Done", null, at.AddHours(1)),
        ];
        var merged = Guid.CreateVersion7();
        var apart = Guid.CreateVersion7();
        await using (var session = await runtime.Store.OpenAsync(write: true, CancellationToken.None))
        {
            await WorkflowStartBatchStore.InsertJournalAsync(session, runtime.Store.Database, entries.Select(e => (merged, e)).ToList(), CancellationToken.None);
            // As older hosts stored them: every entry a row of its own.
            foreach (var entry in entries)
                await WorkflowStartBatchStore.InsertJournalAsync(session, runtime.Store.Database, [(apart, entry)], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(entries, await WorkflowStore.JournalAsync(runtime, merged, CancellationToken.None));
        Assert.Equal(entries, await WorkflowStore.JournalAsync(runtime, apart, CancellationToken.None));
        // a and b: one row each; the Delay waited between its entries, so they stay apart.
        Assert.Equal(7, await JournalRowCountAsync(runtime, merged));
        Assert.Equal(9, await JournalRowCountAsync(runtime, apart));
    }

    private static async Task<long> JournalRowCountAsync(Platform.Runtime.TenantRuntime runtime, Guid instance)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        await using var command = session.Command($"SELECT COUNT(*) FROM {s.T(WorkflowTables.Journal)} WHERE {s.Q("instance_id")} = @i");
        s.Add(command, "@i", WorkflowTables.Journal, "instance_id", instance);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
