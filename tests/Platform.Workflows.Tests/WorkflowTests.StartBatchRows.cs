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
    public async Task A_batch_of_seventy_two_step_starts_commits_once_with_one_instance_insert_and_two_journal_inserts()
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
        // 70 instance rows in one INSERT; 5 journal rows each (started, a started/completed, b started/completed) = 350 in ⌈350/300⌉ = 2.
        Assert.Equal(3, counter.Statements);
        var ids = outcomes.Select(o => o.InstanceId!.Value).ToList();
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        foreach (var id in ids)
        {
            Assert.Equal("finished", (await WorkflowStore.FindInstanceAsync(runtime, id, CancellationToken.None))!.Status);
            var journal = await WorkflowStore.JournalAsync(runtime, id, CancellationToken.None);
            Assert.Equal([1L, 2, 3, 4, 5], journal.Select(e => e.Sequence));
            Assert.Equal([":started", "a:started", "a:completed", "b:started", "b:completed"], journal.Select(e => $"{e.ActivityId}:{e.Event}"));
        }

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
}
