using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Records;
using Platform.Records.Events;
using Platform.Records.Outbox;
using Platform.Records.Writing;
using Platform.Metadata.Definitions;
using Platform.Runtime;
using Platform.Storage.Physical;
using Platform.Storage.Records;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// Record-change events: written to the tenant's outbox in the write's transaction and delivered after commit. The
/// host delivers to <see cref="RecordingOutboxConsumer"/>; tests that drive a dispatcher themselves suspend the tenant
/// first, so the host's own dispatcher leaves its events alone.
/// </summary>
public abstract partial class ApiTests
{
    private RecordingOutboxConsumer Recorder => Host.Services.GetRequiredService<RecordingOutboxConsumer>();

    private RecordService Records => Host.Services.GetRequiredService<RecordService>();

    [Fact]
    public async Task Each_write_leaves_one_outbox_event_with_ids_and_changed_field_names_but_no_values()
    {
        var tenant = await Host.CreateTenantAsync(HealthModule);
        var id = (await CreateAsync(tenant, "patient_note", new { title = "Visit", diagnosis = "Hypertension stage 2" })).Id();
        await ExpectAsync(await PatchAsync(tenant, "patient_note", id, new { diagnosis = "Resolved" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Data(tenant, "patient_note", id))).StatusCode);

        var rows = (await OutboxRowsAsync(tenant)).Where(r => (Guid)r["record_id"]! == id).ToList();
        Assert.Equal(["created", "updated", "deleted"], rows.Select(r => (string)r["kind"]!));
        Assert.All(rows, r => Assert.Equal("patient_note", r["entity"]));
        Assert.All(rows, r => Assert.NotNull(r["actor_id"]));
        var updated = JsonSerializer.Deserialize<string[]>((string)rows[1]["changed_fields"]!)!;
        Assert.Contains("diagnosis", updated);
        Assert.DoesNotContain("title", updated);
        // The encrypted, personal field's values appear nowhere: consumers read the record through the record service.
        var stored = string.Join("\n", rows.SelectMany(r => r.Values).Select(v => v?.ToString()));
        Assert.DoesNotContain("Hypertension", stored);
        Assert.DoesNotContain("Resolved", stored);
        Assert.DoesNotContain("Visit", stored);
    }

    [Fact]
    public async Task A_committed_write_is_delivered_after_commit_once_with_its_tenant_runtime_and_a_stable_key()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await CreateAccountAsync(tenant);

        var delivery = Assert.Single(await DeliveriesOfAsync(tenant, id, 1));
        Assert.Equal(tenant, delivery.Runtime.Id);
        Assert.Equal(RecordChangeKind.Created, delivery.Event.Kind);
        Assert.Equal("account", delivery.Event.Entity);
        Assert.Empty(delivery.Event.ChangedFields); // a create concerns every field
        Assert.Equal(OutboxDelivery.KeyOf(delivery.Event.Id, "test-recorder"), delivery.IdempotencyKey);
        Assert.Equal(1, delivery.Attempt);

        // Later polls find the event dispatched and hand it out no more.
        await WaitUntilAsync(async () => (await OutboxRowsAsync(tenant)).Single(r => (Guid)r["record_id"]! == id)["dispatched_at"] is not null);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Single(Recorder.Received(tenant), d => d.Event.RecordId == id);
    }

    [Fact]
    public async Task A_write_rolled_back_after_its_event_was_written_emits_no_event()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = await RuntimeAsync(tenant);
        var id = await CreateAccountAsync(tenant);
        // The outbox handler writes its row, then a later handler fails: the row must roll back with the write.
        var failing = new RecordService([.. Host.Services.GetServices<IRecordEventHandler>(), new RefusingHandler()]);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            failing.CreateAsync(runtime, "account", JsonSerializer.SerializeToElement(new { name = "Rolled back" }), RecordActor.System, null, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            failing.UpdateAsync(runtime, "account", id, JsonSerializer.SerializeToElement(new { city = "Rome" }), null, RecordActor.System, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            failing.DeleteAsync(runtime, "account", id, null, RecordActor.System, CancellationToken.None));

        var rows = await OutboxRowsAsync(tenant);
        Assert.Equal(["created"], rows.Select(r => (string)r["kind"]!));
        Assert.Equal(id, (Guid)rows[0]["record_id"]!);
        await DeliveriesOfAsync(tenant, id, 1);
        Assert.Single(Recorder.Received(tenant));
    }

    private sealed class RefusingHandler : IRecordEventHandler
    {
        public Task OnWritingAsync(RecordChange change, RecordSession session, CancellationToken ct) => throw new InvalidOperationException("refused");
    }

    [Fact]
    public async Task A_bulk_create_writes_one_event_per_record_in_its_transaction_and_each_is_delivered()
    {
        var tenant = await Host.CreateTenantAsync();
        // 120 rows: PostgreSQL writes them (and their events) with COPY.
        var result = await BulkAsync(tenant, "account", new { mode = "create", records = Enumerable.Range(0, 120).Select(i => new { name = $"Bulk {i:000}" }) });
        var ids = result.GetProperty("ids").EnumerateArray().Select(i => Guid.Parse(i.GetString()!)).ToHashSet();

        var rows = await OutboxRowsAsync(tenant);
        Assert.Equal(ids, rows.Select(r => (Guid)r["record_id"]!).ToHashSet());
        Assert.Equal(120, rows.Count);
        Assert.All(rows, r => Assert.Equal("created", r["kind"]));
        await WaitUntilAsync(() => Task.FromResult(Recorder.Received(tenant).Count >= 120));
        Assert.Equal(ids, Recorder.Received(tenant).Select(d => d.Event.RecordId).ToHashSet());
        Assert.Equal(120, Recorder.Received(tenant).Count);
    }

    [Fact]
    public async Task Record_changes_carry_the_runtime_of_their_tenant()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = await RuntimeAsync(tenant);
        var capture = new CapturingHandler();
        var records = new RecordService([capture]);

        var (created, _) = await records.CreateAsync(runtime, "account", JsonSerializer.SerializeToElement(new { name = "Acme" }), RecordActor.System, null, CancellationToken.None);
        await records.UpdateAsync(runtime, "account", (Guid)created![SystemFields.Id]!, JsonSerializer.SerializeToElement(new { city = "Rome" }), null, RecordActor.System, CancellationToken.None);

        Assert.Equal(2, capture.Changes.Count);
        Assert.All(capture.Changes, change => Assert.Same(runtime, change.Runtime));
    }

    private sealed class CapturingHandler : IRecordEventHandler
    {
        public ConcurrentQueue<RecordChange> Changes { get; } = new();

        public Task OnWritingAsync(RecordChange change, RecordSession session, CancellationToken ct)
        {
            Changes.Enqueue(change);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_suspended_tenants_events_wait_until_it_is_resumed()
    {
        var tenant = await Host.CreateTenantAsync();
        var administration = Host.Services.GetRequiredService<TenantAdministration>();
        await administration.SuspendAsync(tenant, CancellationToken.None);
        var id = await CreateAsSystemAsync(tenant, "Waiting");

        // Several polls (every second in tests) and the commit's own wake-up pass it by.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(Recorder.Received(tenant));
        Assert.Null((await OutboxRowsAsync(tenant)).Single()["dispatched_at"]);

        await administration.ResumeAsync(tenant, CancellationToken.None);
        Assert.Single(await DeliveriesOfAsync(tenant, id, 1));
    }

    [Fact]
    public async Task Two_dispatchers_sharing_a_database_hand_each_event_to_a_consumer_once()
    {
        var (tenant, runtime) = await SuspendedTenantAsync();
        var bulk = await Records.BulkAsync(runtime, "account",
            new BulkRequest(BulkMode.Create, null, Enumerable.Range(0, 300).Select(i => JsonSerializer.SerializeToElement(new { name = $"Shared {i:000}" })).ToList()),
            RecordActor.System, CancellationToken.None);
        var counter = new CountingConsumer("counter");
        // Small batches, so the two hosts' claims interleave.
        var options = new OutboxOptions { BatchSize = 7 };
        var first = new OutboxDispatcher([counter], options);
        var second = new OutboxDispatcher([counter], options);

        var handed = await Task.WhenAll(first.DispatchAsync(runtime, CancellationToken.None), second.DispatchAsync(runtime, CancellationToken.None));

        Assert.Equal(300, handed.Sum());
        Assert.Equal(bulk.Ids.ToHashSet(), counter.RecordIds.Keys.ToHashSet());
        Assert.All(counter.RecordIds, pair => Assert.Equal(1, pair.Value));
        Assert.All(await OutboxRowsAsync(tenant), r => Assert.NotNull(r["dispatched_at"]));
    }

    [Fact]
    public async Task A_failing_consumer_is_retried_with_backoff_without_redelivering_to_the_others()
    {
        var (tenant, runtime) = await SuspendedTenantAsync();
        var id = await CreateAsSystemAsync(tenant, "Retry");
        var steady = new CountingConsumer("steady");
        var flaky = new CountingConsumer("flaky") { FailuresLeft = 1 };
        // A backoff long enough that the second pass, at once, falls inside it even on a loaded machine.
        var dispatcher = new OutboxDispatcher([flaky, steady], new OutboxOptions { Backoff = TimeSpan.FromSeconds(3) });

        await dispatcher.DispatchAsync(runtime, CancellationToken.None);
        var failed = (await OutboxRowsAsync(tenant)).Single();
        Assert.Equal(1L, failed["attempts"]);
        Assert.Contains("flaky: consumer down", (string)failed["last_error"]!);
        Assert.Null(failed["dispatched_at"]);
        Assert.Equal(1, steady.RecordIds[id]);
        Assert.False(flaky.RecordIds.ContainsKey(id));

        // Not due before its backoff has passed.
        await dispatcher.DispatchAsync(runtime, CancellationToken.None);
        Assert.False(flaky.RecordIds.ContainsKey(id));

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        await dispatcher.DispatchAsync(runtime, CancellationToken.None);
        Assert.Equal(1, flaky.RecordIds[id]);
        Assert.Equal(1, steady.RecordIds[id]);
        var retried = Assert.Single(flaky.Deliveries);
        Assert.Equal(2, retried.Attempt);
        Assert.Equal(OutboxDelivery.KeyOf(retried.Event.Id, "flaky"), retried.IdempotencyKey);
        var done = (await OutboxRowsAsync(tenant)).Single();
        Assert.NotNull(done["dispatched_at"]);
        Assert.Null(done["last_error"]);
    }

    [Fact]
    public async Task A_dispatcher_stopped_mid_batch_records_what_it_handed_out_and_releases_the_rest_at_once()
    {
        var (tenant, runtime) = await SuspendedTenantAsync();
        var first = await CreateAsSystemAsync(tenant, "First");
        await CreateAsSystemAsync(tenant, "Second");
        await CreateAsSystemAsync(tenant, "Third");
        using var shutdown = new CancellationTokenSource();
        var stopping = new StoppingConsumer(shutdown);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OutboxDispatcher([stopping], new OutboxOptions()).DispatchAsync(runtime, shutdown.Token));
        Assert.Equal([first], stopping.RecordIds);

        // The next start (another dispatcher) delivers the two others now, not after the lease, and not the first again.
        var counter = new CountingConsumer("stopping");
        Assert.Equal(2, await new OutboxDispatcher([counter], new OutboxOptions()).DispatchAsync(runtime, CancellationToken.None));
        Assert.DoesNotContain(first, counter.RecordIds.Keys);
        Assert.Equal(2, counter.RecordIds.Count);
    }

    /// <summary>Handles one event, then the host shuts down while it handles the next.</summary>
    private sealed class StoppingConsumer(CancellationTokenSource shutdown) : IOutboxConsumer
    {
        public string Name => "stopping";

        public List<Guid> RecordIds { get; } = [];

        public Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
        {
            if (RecordIds.Count == 1)
            {
                shutdown.Cancel();
                ct.ThrowIfCancellationRequested();
            }
            RecordIds.Add(delivery.Event.RecordId);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Delivered_events_are_purged_after_the_retention_period_and_pending_ones_are_kept()
    {
        var (tenant, runtime) = await SuspendedTenantAsync();
        var delivered = await CreateAsSystemAsync(tenant, "Delivered");
        var dispatcher = new OutboxDispatcher([new CountingConsumer("counter")], new OutboxOptions { Retention = TimeSpan.Zero });
        await dispatcher.DispatchAsync(runtime, CancellationToken.None);
        var pending = await CreateAsSystemAsync(tenant, "Pending");

        Assert.Equal(1, await dispatcher.PurgeAsync(runtime, CancellationToken.None));

        Assert.Equal([pending], (await OutboxRowsAsync(tenant)).Select(r => (Guid)r["record_id"]!));
        Assert.DoesNotContain(delivered, (await OutboxRowsAsync(tenant)).Select(r => (Guid)r["record_id"]!));
        Assert.Equal(0L, await DeliveryRecordsAsync(runtime));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private sealed class CountingConsumer(string name) : IOutboxConsumer
    {
        public string Name => name;

        public int FailuresLeft { get; set; }

        public ConcurrentDictionary<Guid, int> RecordIds { get; } = new();

        public ConcurrentQueue<OutboxDelivery> Deliveries { get; } = new();

        public Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("consumer down");
            }
            Deliveries.Enqueue(delivery);
            RecordIds.AddOrUpdate(delivery.Event.RecordId, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }
    }

    /// <summary>A tenant the host's dispatcher leaves alone, with its runtime (records can still be written through the service).</summary>
    private async Task<(string Tenant, TenantRuntime Runtime)> SuspendedTenantAsync()
    {
        var tenant = await Host.CreateTenantAsync();
        await Host.Services.GetRequiredService<TenantAdministration>().SuspendAsync(tenant, CancellationToken.None);
        return (tenant, await RuntimeAsync(tenant));
    }

    private async Task<Guid> CreateAsSystemAsync(string tenant, string name)
    {
        var (created, _) = await Records.CreateAsync(await RuntimeAsync(tenant), "account", JsonSerializer.SerializeToElement(new { name }), RecordActor.System, null, CancellationToken.None);
        return (Guid)created![SystemFields.Id]!;
    }

    private async Task<IReadOnlyList<Dictionary<string, object?>>> OutboxRowsAsync(string tenant)
    {
        var runtime = await RuntimeAsync(tenant);
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        var page = await runtime.Store.QueryAsync(session, new RecordQuery(OutboxTables.Outbox) { OrderBy = [new OrderTerm("id")], Top = 1000 }, CancellationToken.None);
        return page.Rows;
    }

    private static async Task<long> DeliveryRecordsAsync(TenantRuntime runtime)
    {
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        var database = runtime.Store.Database;
        await using var command = session.Command($"SELECT COUNT(*) FROM {database.Dialect.Table(OutboxTables.OutboxDeliveries, database.Schema)}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the recorder has <paramref name="count"/> deliveries of the record (10 s at most).</summary>
    private async Task<IReadOnlyList<OutboxDelivery>> DeliveriesOfAsync(string tenant, Guid recordId, int count)
    {
        await WaitUntilAsync(() => Task.FromResult(Recorder.Received(tenant).Count(d => d.Event.RecordId == recordId) >= count));
        return Recorder.Received(tenant).Where(d => d.Event.RecordId == recordId).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60); // generous: a loaded CI machine delays delivery, a pass is still quick
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox did not get there within 60 s.");
            await Task.Delay(50);
        }
    }
}
