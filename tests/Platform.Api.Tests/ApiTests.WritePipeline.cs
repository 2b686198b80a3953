using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Metadata.Definitions;
using Platform.Records;
using Platform.Records.Events;
using Platform.Records.Writing;
using Platform.Records.Writing.Stages;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// The one write path: ordered stages over every write (single, bulk, scripts' crm, a delete's cascades), whose last
/// stage leaves each record change's outbox event in the write's transaction.
/// </summary>
public abstract partial class ApiTests
{
    [Fact]
    public void The_write_path_runs_its_stages_in_the_documented_order()
    {
        Assert.Equal(
            [typeof(PermissionStage), typeof(BeforeSaveStage), typeof(DefaultsAndFormulasStage), typeof(ChecksStage), typeof(StoreStage),
             typeof(AfterSaveStage), typeof(RecordEventsStage)],
            Records.Writer.Stages.Select(s => s.GetType()));
    }

    [Fact]
    public async Task A_registered_stage_sees_every_record_change_of_single_bulk_script_and_cascade_writes()
    {
        using var temp = new TempFolder();
        var tenant = await Host.CreateTenantAsync(ScriptedModule(temp), HealthModule);
        var runtime = await RuntimeAsync(tenant);
        var observer = new ObservingStage();
        var records = new RecordService(Host.Services.GetServices<IRecordEventHandler>(), Host.Services.GetRequiredService<Platform.Records.Scripting.BeforeSaveScripts>(),
            Host.Services.GetRequiredService<Platform.Records.Scripting.RecordHookScripts>(), stages: [observer]);
        Assert.IsType<ObservingStage>(records.Writer.Stages[^1]);

        // The ledger's afterSave writes an entry through crm: a write of its own, through the same stages.
        var (ledger, _) = await records.CreateAsync(runtime, "ledger", Json(new { name = "one" }), RecordActor.System, null, CancellationToken.None);
        await records.BulkAsync(runtime, "ledger", new BulkRequest(BulkMode.Create, null, [Json(new { name = "two" }), Json(new { name = "three" })]),
            RecordActor.System, CancellationToken.None);
        var contact = (Guid)(await records.CreateAsync(runtime, "contact", Json(new { full_name = "Pat" }), RecordActor.System, null, CancellationToken.None)).Record!["id"]!;
        var (note, _) = await records.CreateAsync(runtime, "patient_note", Json(new { title = "Child", contact }), RecordActor.System, null, CancellationToken.None);
        await records.DeleteAsync(runtime, "contact", contact, null, RecordActor.System, CancellationToken.None);

        var seen = observer.Changes.Select(c => (c.Entity, c.Kind)).ToList();
        Assert.Equal(3, seen.Count(c => c == ("ledger", RecordChangeKind.Created)));
        Assert.Equal(3, seen.Count(c => c == ("entry", RecordChangeKind.Created)));
        Assert.Contains(observer.Changes, c => c.Entity == "patient_note" && c.Id == (Guid)note!["id"]! && c.Kind == RecordChangeKind.Deleted);
        Assert.Contains(observer.Changes, c => c.Entity == "contact" && c.Id == contact && c.Kind == RecordChangeKind.Deleted);
        Assert.Contains(observer.Changes, c => c.Id == (Guid)ledger!["id"]!);
        Assert.All(observer.Changes, c => Assert.Same(runtime, c.Runtime));
    }

    /// <summary>Runs after the platform's stages and records what was stored.</summary>
    private sealed class ObservingStage : IRecordWriteStage
    {
        public ConcurrentQueue<RecordChange> Changes { get; } = new();

        public int Order => RecordWriteStageOrder.Events + 100;

        public bool AppliesTo(EntityDefinition entity) => true;

        public Task RunAsync(RecordWriteBatch batch, CancellationToken ct)
        {
            foreach (var write in batch.Writes)
                if (write.Change is { } change) Changes.Enqueue(change);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Every_committed_record_change_leaves_exactly_one_outbox_event_including_those_of_scripts_crm_writes()
    {
        using var temp = new TempFolder();
        var tenant = await Host.CreateTenantAsync(ScriptedModule(temp));

        var ledger = (await CreateAsync(tenant, "ledger", new { name = "kept" })).Id();
        await ExpectAsync(await PatchAsync(tenant, "ledger", ledger, new { amount = 3 }), HttpStatusCode.OK);
        await BulkAsync(tenant, "ledger", new { mode = "create", records = new object[] { new { name = "a" }, new { name = "b" } } });
        using (var deleted = await Client.DeleteAsync(Data(tenant, "ledger", ledger)))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var rows = await OutboxRowsAsync(tenant);
        var ledgers = rows.Where(r => (string)r["entity"]! == "ledger").Select(r => (string)r["kind"]!).ToList();
        Assert.Equal(["created", "updated", "created", "created", "deleted"], ledgers);
        // One entry per ledger change, each created by an afterSave or afterDelete hook's crm.create.
        Assert.Equal(5, rows.Count(r => (string)r["entity"]! == "entry" && (string)r["kind"]! == "created"));
        Assert.Equal(rows.Count, rows.Select(r => ((Guid)r["record_id"]!, (string)r["kind"]!)).Distinct().Count());
        Assert.Equal(await CountAsync(tenant, "entry"), rows.Count(r => (string)r["entity"]! == "entry"));
    }

    [Fact]
    public async Task A_write_rolled_back_by_a_failing_after_save_script_or_a_failing_later_bulk_record_emits_no_event()
    {
        using var temp = new TempFolder();
        var tenant = await Host.CreateTenantAsync(ScriptedModule(temp));
        var kept = (await CreateAsync(tenant, "ledger", new { name = "kept" })).Id();
        var before = await OutboxRowsAsync(tenant);

        await ExpectProblemAsync(await PostAsync(tenant, "ledger", new { name = "explode" }), HttpStatusCode.UnprocessableEntity);
        await ExpectProblemAsync(await PatchAsync(tenant, "ledger", kept, new { name = "explode" }), HttpStatusCode.UnprocessableEntity);
        // The first record is stored, and its afterSave has written an entry, before the second fails: neither is kept.
        await BulkAsync(tenant, "ledger", new { mode = "create", records = new object[] { new { name = "stored first" }, new { name = "explode" } } },
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before.Select(r => r["id"]), (await OutboxRowsAsync(tenant)).Select(r => r["id"]));
        Assert.Equal(1, await CountAsync(tenant, "ledger"));
    }

    [Fact]
    public async Task Outbox_events_stay_in_the_tenant_that_wrote_them()
    {
        var first = await Host.CreateTenantAsync();
        var second = await Host.CreateTenantAsync();
        var firstIds = new[] { await CreateAccountAsync(first), await CreateAccountAsync(first) };
        var secondId = await CreateAccountAsync(second);

        Assert.Equal(firstIds.ToHashSet(), (await OutboxRowsAsync(first)).Select(r => (Guid)r["record_id"]!).ToHashSet());
        Assert.Equal([secondId], (await OutboxRowsAsync(second)).Select(r => (Guid)r["record_id"]!));
        Assert.All(await DeliveriesOfAsync(second, secondId, 1), d => Assert.Equal(second, d.Runtime.Id));
        Assert.All(await DeliveriesOfAsync(first, firstIds[0], 1), d => Assert.Equal(first, d.Runtime.Id));
    }

    [Fact]
    public async Task A_bulk_upsert_of_encrypted_values_leaves_events_with_field_names_but_neither_clear_text_nor_ciphertext()
    {
        var tenant = await Host.CreateTenantAsync(HealthModule);
        var id = (await CreateAsync(tenant, "patient_note", new { title = "Visit", diagnosis = "Angina pectoris" })).Id();

        await BulkAsync(tenant, "patient_note", new
        {
            mode = "upsert",
            records = new object[] { new { id, diagnosis = "Myocarditis" }, new { title = "Second", diagnosis = "Bronchitis", weight = 71.5 } },
        });

        var rows = await OutboxRowsAsync(tenant);
        // Events of one batch share a millisecond, so their ids do not order them.
        Assert.Equal(["created", "created", "updated"], rows.Select(r => (string)r["kind"]!).Order());
        var update = Assert.Single(rows, r => (string)r["kind"]! == "updated");
        Assert.Equal(id, (Guid)update["record_id"]!);
        Assert.Contains("diagnosis", JsonSerializer.Deserialize<string[]>((string)update["changed_fields"]!)!);
        var runtime = await RuntimeAsync(tenant);
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        var stored = (await runtime.Store.GetAsync(session, "patient_note", id, CancellationToken.None))!;
        // The outbox row holds ids, kinds and field names only: the values stay in the record's (encrypted) columns.
        Assert.Equal(
            ["actor_id", "attempts", "changed_fields", "claimed_until", "dispatched_at", "entity", "id", "kind", "last_error", "next_attempt_at", "occurred_at", "record_id"],
            rows[0].Keys.Order(StringComparer.Ordinal));
        var text = string.Join("\n", rows.SelectMany(r => r.Values).Select(v => v?.ToString()));
        foreach (var secret in new[] { "Angina", "Myocarditis", "Bronchitis", "71.5", "Visit", "Second" }) Assert.DoesNotContain(secret, text);
        Assert.Equal("Myocarditis", stored["diagnosis"]);
    }

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);
}
