using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Records;
using Platform.Records.Scripting;
using Platform.Runtime;
using Platform.Scripting;
using Platform.Storage.Records;

namespace Platform.Workflows.Effects;

/// <summary>
/// The side effects of one run, in one place: record writes through the record service (as the run's actor), email,
/// notifications and HTTP. A test run captures writes, mail, notifications and HTTP calls instead of performing them
/// (reads still happen), and answers what it captured.
/// </summary>
public sealed class WorkflowEffects(
    RecordService records, IWorkflowMailer mailer, IWorkflowNotifier notifier, WorkflowHttp http, TenantRuntime runtime, RecordActor actor, bool capture)
{
    private readonly List<JsonObject> _captured = [];

    public bool Captures => capture;

    public IReadOnlyList<JsonObject> Captured => _captured;

    /// <summary>Record access for scripts; under capture its writes are captured too.</summary>
    public IScriptCrm Crm => capture ? new CapturingCrm(new RecordServiceCrm(records, runtime, actor), this) : new RecordServiceCrm(records, runtime, actor);

    public async Task<IReadOnlyDictionary<string, object?>> CreateRecordAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        if (capture) return Capture("createRecord", new { entity, values }, new Dictionary<string, object?>(values) { ["id"] = Guid.NewGuid() });
        return await new RecordServiceCrm(records, runtime, actor).CreateAsync(entity, values, ct);
    }

    public async Task<IReadOnlyDictionary<string, object?>> UpdateRecordAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        if (capture)
        {
            // The record must exist and be readable, as a real update would require.
            await records.GetAsync(runtime, entity, id, actor, ct);
            return Capture("updateRecord", new { entity, id, values }, new Dictionary<string, object?>(values) { ["id"] = id });
        }
        return await new RecordServiceCrm(records, runtime, actor).UpdateAsync(entity, id, values, ct);
    }

    /// <summary>
    /// Creates a record owned by another user in one write through the record service (the assign privilege, one audit
    /// entry and one created event carrying the owner), where a create then an assignment would be two.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, object?>> CreateOwnedRecordAsync(string entity, IReadOnlyDictionary<string, object?> values, Guid owner, CancellationToken ct)
    {
        if (capture) return Capture("createRecord", new { entity, values, owner }, new Dictionary<string, object?>(values) { ["id"] = Guid.NewGuid(), ["owner"] = owner });
        return await records.CreateOwnedAsync(runtime, entity, JsonSerializer.SerializeToElement(values), owner, actor, ct);
    }

    /// <summary>Gives a record to another user through the record service's assignment (assign privilege, audit, record change).</summary>
    public async Task AssignRecordAsync(string entity, Guid id, Guid owner, CancellationToken ct)
    {
        if (capture) Capture("assignRecord", new { entity, id, owner }, 0);
        else await records.AssignAsync(runtime, entity, id, owner, actor, ct);
    }

    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryRecordsAsync(string entity, string? filter, int? top, CancellationToken ct) =>
        new RecordServiceCrm(records, runtime, actor).QueryAsync(entity, filter, top, ct);

    public async Task SendEmailAsync(WorkflowEmail email, RecordSession? transaction, CancellationToken ct)
    {
        if (capture) Capture("sendEmail", new { to = email.To, subject = email.Subject, body = email.Body }, 0);
        else await mailer.SendAsync(runtime, email, transaction, ct);
    }

    public async Task NotifyAsync(WorkflowNotification notification, RecordSession? transaction, CancellationToken ct)
    {
        if (capture) Capture("notify", new { users = notification.Users, message = notification.Message }, 0);
        else await notifier.NotifyAsync(runtime, notification, transaction, ct);
    }

    public async Task<WorkflowHttpResponse> HttpAsync(string method, Uri url, string? body, string? contentType, TimeSpan timeout, CancellationToken ct)
    {
        // The policy applies to test runs too: a test run shows the refusal a real run would meet.
        http.Check(runtime.Id, url);
        if (capture) return Capture("httpRequest", new { method, url = url.ToString(), body }, new WorkflowHttpResponse(200, ""));
        return await http.SendAsync(runtime.Id, method, url, body, contentType, timeout, ct);
    }

    internal T Capture<T>(string kind, object details, T result)
    {
        var entry = JsonSerializer.SerializeToNode(details)!.AsObject();
        entry.Insert(0, "kind", kind);
        lock (_captured) _captured.Add(entry);
        return result;
    }

    /// <summary>A script's crm under capture: reads go through, writes are captured.</summary>
    private sealed class CapturingCrm(IScriptCrm inner, WorkflowEffects effects) : IScriptCrm
    {
        public Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entity, Guid id, CancellationToken ct) => inner.GetAsync(entity, id, ct);

        public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string entity, string? filter, int? top, CancellationToken ct) =>
            inner.QueryAsync(entity, filter, top, ct);

        public Task<IReadOnlyDictionary<string, object?>> CreateAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>>(effects.Capture("createRecord", new { entity, values }, new Dictionary<string, object?>(values) { ["id"] = Guid.NewGuid() }));

        public Task<IReadOnlyDictionary<string, object?>> UpdateAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>>(effects.Capture("updateRecord", new { entity, id, values }, new Dictionary<string, object?>(values) { ["id"] = id }));

        public Task DeleteAsync(string entity, Guid id, CancellationToken ct)
        {
            effects.Capture("deleteRecord", new { entity, id }, 0);
            return Task.CompletedTask;
        }

        public Task<bool> LinkAsync(string entity, Guid id, string relation, Guid targetId, CancellationToken ct) =>
            Task.FromResult(effects.Capture("linkRecord", new { entity, id, relation, targetId }, true));

        public Task<bool> UnlinkAsync(string entity, Guid id, string relation, Guid targetId, CancellationToken ct) =>
            Task.FromResult(effects.Capture("unlinkRecord", new { entity, id, relation, targetId }, true));
    }
}
