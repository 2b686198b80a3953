using Platform.Metadata.Definitions;
using Platform.Records.Events;
using Platform.Records.Security;
using Platform.Records.Transactions;
using Platform.Records.Validation;
using Platform.Runtime;
using Platform.Scripting;
using Platform.Storage.Records;

namespace Platform.Records.Writing;

/// <summary>
/// The context every stage of a write sees: the tenant's runtime, the write transaction, the actor and the records
/// written (one for a single write, up to 1,000 for a bulk request), all of one entity.
/// </summary>
public sealed class RecordWriteBatch
{
    internal RecordWriteBatch(
        RecordService records, TenantRuntime runtime, EntityDefinition entity, RecordActor actor, RecordScope scope,
        IReadOnlyList<RecordWrite> writes, List<RecordChange> changes)
    {
        Records = records;
        Runtime = runtime;
        Entity = entity;
        Actor = actor;
        Scope = scope;
        Writes = writes;
        Changes = changes;
        Access = RecordSecurity.Access(runtime, actor, entity.Name);
    }

    /// <summary>The record service, for the <c>crm</c> of the scripts the write runs.</summary>
    public RecordService Records { get; }

    public TenantRuntime Runtime { get; }

    public EntityDefinition Entity { get; }

    public RecordActor Actor { get; }

    /// <summary>
    /// The write's transaction (the caller's unit of work's when it joined one), begun by the first stage that needs it:
    /// not before the before-save scripts, so a SQLite tenant's write lock is not held while they run.
    /// </summary>
    public async ValueTask<RecordSession> SessionAsync(CancellationToken ct) => _session ??= await Scope.SessionAsync(ct);

    /// <summary>The unit of work the write is part of.</summary>
    internal RecordScope Scope { get; }

    /// <summary>Before-save scripts run for this entity, so the stored row is read before the write transaction begins.</summary>
    internal bool ScriptsFirst { get; set; }

    /// <summary>
    /// The engine the write's scripts share (one rental for defaults, beforeSave and formulas). Released once the last
    /// of them ran (<see cref="ReleaseScriptEngines"/>), not at the end of the write: a write waiting for the store
    /// (SQLite's one writer) must not keep an engine out of the pool, or concurrent writes outgrow it and set up new ones.
    /// </summary>
    internal ScriptEngineHold? ScriptEngines { get; set; }

    internal void ReleaseScriptEngines()
    {
        ScriptEngines?.Dispose();
        ScriptEngines = null;
    }

    private RecordSession? _session;

    public IReadOnlyList<RecordWrite> Writes { get; }

    /// <summary>The actor's privileges and field access on the entity.</summary>
    public EntityAccess Access { get; }

    /// <summary>A bulk request: refusals are reported per record at its pointer, all at once, instead of thrown at the first.</summary>
    public bool IsBulk { get; init; }

    /// <summary>Errors found so far; the checks stage throws them all.</summary>
    internal List<FieldError> Errors { get; } = [];

    /// <summary>Every change this write and the cascades it runs stored, to commit and publish.</summary>
    internal List<RecordChange> Changes { get; }

    /// <summary>False only for changes the platform makes on the user's behalf (a delete's setNull).</summary>
    internal bool CheckFieldAccess { get; init; } = true;

    /// <summary>Bulk upsert: the field that finds the stored record ("id" or a unique field); null creates every record.</summary>
    internal string? UpsertKey { get; init; }

    /// <summary>Bulk update: every item names a stored record by id; one that finds none is refused, never created.</summary>
    internal bool UpdateOnly { get; init; }

    /// <summary>The records a delete takes along (its cascades share it, so cycles end).</summary>
    internal DeleteCascade? Cascade { get; init; }

    /// <summary>The write path, for the cascades a delete runs.</summary>
    internal RecordWriter Writer { get; set; } = null!;
}
