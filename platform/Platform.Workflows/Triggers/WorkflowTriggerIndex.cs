using System.Collections.Concurrent;
using Platform.Records.Events;
using Platform.Runtime;
using Platform.Workflows.Definitions;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Triggers;

/// <summary>
/// A tenant's record triggers grouped by (trigger type, entity), built from its newest published workflows once per
/// stamp: the tenant's definitions version (a module apply) and the published rows' count and newest save time (a
/// publish, on this host or another sharing the database), read with one small query per batch of events. Entries are
/// kept per tenant id and never shared: one tenant's workflows (and their conditions) are never looked up for another.
/// </summary>
public sealed class WorkflowTriggerIndex(WorkflowEngine engine)
{
    private readonly ConcurrentDictionary<string, TenantTriggers> _tenants = new(StringComparer.Ordinal);

    /// <summary>The tenant's triggers as published now (rebuilt when the stamp moved since the last call).</summary>
    public async Task<TenantTriggers> ForAsync(TenantRuntime runtime, CancellationToken ct)
    {
        var stamp = $"{runtime.Definitions.Version}|{await PublishedStampAsync(runtime, ct)}";
        if (_tenants.TryGetValue(runtime.Id, out var current) && current.Stamp == stamp) return current;
        var built = new TenantTriggers(stamp, Group(runtime, await WorkflowDefinitionStore.AllLatestPublishedAsync(runtime, ct)));
        _tenants[runtime.Id] = built;
        return built;
    }

    private Dictionary<(string Type, string Entity), IReadOnlyList<RecordTrigger>> Group(TenantRuntime runtime, IReadOnlyList<StoredWorkflow> published)
    {
        var triggers = new List<RecordTrigger>();
        foreach (var stored in published)
        {
            var definition = engine.Definition(runtime, stored);
            if (definition.Trigger is not { Entity: { } entity } trigger || !IsRecordTrigger(trigger.Type)) continue;
            var condition = trigger.Condition is { } code ? WorkflowExpressions.ExpressionSource($"{definition.Id}:trigger.condition", code) : null;
            triggers.Add(new RecordTrigger(stored, definition, condition));
        }
        return triggers.GroupBy(t => (t.Definition.Trigger.Type, t.Definition.Trigger.Entity!))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RecordTrigger>)g.ToList());
    }

    private static bool IsRecordTrigger(string type) => type is TriggerTypes.RecordCreated or TriggerTypes.RecordUpdated or TriggerTypes.RecordDeleted;

    /// <summary>Published rows are only ever added, each with its save time: their count and newest time move on every publish.</summary>
    private static async Task<string> PublishedStampAsync(TenantRuntime runtime, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT COUNT(*), MAX({s.Q("saved_at")}) FROM {s.T(WorkflowTables.Definitions)} WHERE {s.Q("version")} > 0");
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return "";
        return $"{reader.GetValue(0)}|{(reader.IsDBNull(1) ? "" : Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture))}";
    }
}

/// <summary>One tenant's record triggers at one stamp.</summary>
public sealed class TenantTriggers(string stamp, Dictionary<(string Type, string Entity), IReadOnlyList<RecordTrigger>> triggers)
{
    public string Stamp { get; } = stamp;

    /// <summary>The triggers a committed change concerns (type, entity, and for an update the fields it changed).</summary>
    public IReadOnlyList<RecordTrigger> For(string entity, RecordChangeKind kind, IReadOnlyList<string> changedFields)
    {
        var type = TypeOf(kind);
        if (!triggers.TryGetValue((type, entity), out var found)) return [];
        return type == TriggerTypes.RecordUpdated ? found.Where(t => t.Watches(changedFields)).ToList() : found;
    }

    public static string TypeOf(RecordChangeKind kind) => kind switch
    {
        RecordChangeKind.Created => TriggerTypes.RecordCreated,
        RecordChangeKind.Updated => TriggerTypes.RecordUpdated,
        _ => TriggerTypes.RecordDeleted,
    };
}
