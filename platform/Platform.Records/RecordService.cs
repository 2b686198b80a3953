using System.Data.Common;
using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Auditing;
using Platform.Records.Events;
using Platform.Records.Scripting;
using Platform.Records.Security;
using Platform.Records.Transactions;
using Platform.Records.Validation;
using Platform.Records.Writing;
using Platform.Records.Writing.Stages;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records;

/// <summary>
/// The one way records are read and written — by the API, scripts' <c>crm</c>, custom actions and exports alike — so
/// validation, row versions, events and permission checks (<see cref="RecordSecurity"/>) apply to every caller alike.
/// A façade over the write path: it opens (or joins) the unit of work, hands the records to <see cref="RecordWriter"/>,
/// which runs the ordered stages (<see cref="IRecordWriteStage"/>: permission, before-save scripts, defaults and
/// formulas, checks, store, after-save scripts, audit and outbox), then commits and publishes. Writes join the caller's
/// open <see cref="RecordScope"/> (a script's crm calls inside a save or an action), so a script and everything it does
/// commit together; only the outermost write commits and publishes.
/// </summary>
public sealed partial class RecordService
{
    private readonly IRecordEventHandler[] _handlers;
    private readonly RecordSecurity _security;
    private readonly IAuditLog _audit;
    private readonly RecordWriter _writer;
    private readonly ChecksStage _checks;

    /// <param name="handlers">Record event handlers (audit trail, outbox...), in the order they run.</param>
    /// <param name="stages">Stages a feature adds to the platform's own (DI registrations of <see cref="IRecordWriteStage"/>).</param>
    public RecordService(
        IEnumerable<IRecordEventHandler> handlers, BeforeSaveScripts? scripts = null, RecordHookScripts? hooks = null,
        RecordSecurity? security = null, IAuditLog? audit = null, IEnumerable<IRecordWriteStage>? stages = null)
    {
        _handlers = handlers.ToArray();
        _security = security ?? new RecordSecurity();
        _audit = audit ?? new NullAuditLog();
        _checks = new ChecksStage(_security);
        _writer = new RecordWriter([
            new PermissionStage(_security), new BeforeSaveStage(scripts, hooks), new DefaultsAndFormulasStage(scripts), _checks,
            new StoreStage(_security, _audit), new AfterSaveStage(hooks), new RecordEventsStage(_handlers), .. stages ?? [],
        ]);
    }

    /// <summary>The write path: its stages, in the order they run.</summary>
    public RecordWriter Writer => _writer;

    public static EntityDefinition Entity(TenantRuntime runtime, string entity) =>
        runtime.FindEntity(entity) ?? throw new RecordNotFoundException(entity, null);

    /// <summary>A record the actor may read (else not found), with field security applied.</summary>
    public async Task<Dictionary<string, object?>> GetAsync(TenantRuntime runtime, string entity, Guid id, RecordActor actor, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        var row = await RecordScope.ReadAsync(runtime, async session =>
        {
            var found = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
            await _security.DemandAsync(runtime, session, actor, entity, id, found, Privilege.Read, ct);
            return found;
        }, ct);
        RecordSecurity.ApplyFieldSecurity(definition, RecordSecurity.Access(runtime, actor, entity), row);
        return row;
    }

    /// <summary>A page of the records the actor may read: the scope is a SQL filter, so paging and counts stay right.</summary>
    public async Task<RecordPage> QueryAsync(TenantRuntime runtime, RecordQuery query, RecordActor actor, CancellationToken ct)
    {
        var definition = Entity(runtime, query.Entity);
        var access = RecordSecurity.Access(runtime, actor, query.Entity);
        RecordSecurity.CheckQueryable(access, query);
        if (query.Filter is not null) query = query with { Filter = await _security.ResolveRelatedAsync(runtime, actor, query.Filter, ct) };
        if (await _security.ScopeFilterAsync(runtime, actor, query.Entity, Privilege.Read, ct) is { } scope)
            query = query with { Filter = query.Filter is null ? scope : new AndNode(query.Filter, scope) };
        var page = await RecordScope.ReadAsync(runtime, async session =>
            await runtime.Store.QueryAsync(session, query with { Filter = await UnusedShares.PruneAsync(runtime, session, query.Filter, ct) }, ct), ct);
        foreach (var row in page.Rows) RecordSecurity.ApplyFieldSecurity(definition, access, row);
        return page;
    }

    /// <summary>The records among <paramref name="ids"/> the actor may read (expansions, related lists).</summary>
    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetManyAsync(
        TenantRuntime runtime, string entity, IReadOnlyCollection<Guid> ids, IReadOnlyList<string>? select, RecordActor actor, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var page = await QueryAsync(runtime, new RecordQuery(entity)
        {
            Filter = new InNode(SystemFields.Id, ids.Cast<object?>().ToList()), Select = select, Top = ids.Count,
        }, actor, ct);
        return page.Rows;
    }

    /// <summary>Creates a record; with an idempotency request, a repeat returns the first response instead.</summary>
    public async Task<(Dictionary<string, object?>? Record, IdempotentReplay? Replay)> CreateAsync(
        TenantRuntime runtime, string entity, JsonElement body, RecordActor actor, IdempotencyRequest? idempotency, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        // Begun before the scripts run, so their crm writes are part of this create.
        await using var scope = RecordScope.Begin(runtime);
        var slot = idempotency is null ? null : IdempotencyStore.Slot(actor, idempotency.Key);
        if (slot is not null && await FindStoredAsync(runtime, slot, ct) is { } stored)
            return (null, Replay(stored, idempotency!));

        var write = new RecordWrite(RecordChangeKind.Created, null, body, "");
        var batch = new RecordWriteBatch(this, runtime, definition, actor, scope, [write], []);
        IReadOnlyList<RecordChange> committed;
        try
        {
            await _writer.WriteAsync(batch, ct);
            // Only the status and the id are kept: a replay renders the record as its caller may see it then.
            if (slot is not null)
                await IdempotencyStore.SaveAsync(await batch.SessionAsync(ct), runtime.Store.Database, slot, idempotency!.RequestHash, new IdempotentReplay(201, write.Id, null), ct);
            committed = await scope.CommitAsync(batch.Changes, ct);
        }
        catch (RecordValidationException) when (slot is not null)
        {
            // A request with the same key may have committed since the lookup above, taking the unique values: replay it.
            if (await IdempotencyStore.FindAsync(await batch.SessionAsync(ct), runtime.Store.Database, slot, ct) is { } raced) return (null, Replay(raced, idempotency!));
            throw;
        }
        catch (DbException)
        {
            // A concurrent create won a race our checks could not see (PostgreSQL reports it at the INSERT of a unique
            // value or key). With the same idempotency key the loser answers with the winner's stored response;
            // otherwise a value the winner took is reported like the checks report it.
            await using var retry = await runtime.Store.OpenAsync(write: false, ct);
            if (slot is not null && await IdempotencyStore.FindAsync(retry, runtime.Store.Database, slot, ct) is { } winner)
                return (null, Replay(winner, idempotency!));
            await _checks.RecheckAsync(batch, retry, ct);
            throw;
        }
        await scope.DisposeAsync();
        await PublishAsync(committed, ct);
        return (Visible(runtime, actor, definition, (Dictionary<string, object?>)write.Change!.After!), null);
    }

    public Task<Dictionary<string, object?>> UpdateAsync(
        TenantRuntime runtime, string entity, Guid id, JsonElement patch, long? expectedVersion, RecordActor actor, CancellationToken ct) =>
        UpdateCoreAsync(runtime, entity, id, patch, expectedVersion, actor, checkFieldAccess: true, ct);

    /// <summary>
    /// A change the platform makes on the user's behalf (a delete's setNull): a regular update, but not held to the
    /// user's field-level write restrictions, since the user did not choose the value.
    /// </summary>
    internal Task<Dictionary<string, object?>> UpdateOnBehalfAsync(
        TenantRuntime runtime, string entity, Guid id, JsonElement patch, RecordActor actor, CancellationToken ct) =>
        UpdateCoreAsync(runtime, entity, id, patch, null, actor, checkFieldAccess: false, ct);

    private async Task<Dictionary<string, object?>> UpdateCoreAsync(
        TenantRuntime runtime, string entity, Guid id, JsonElement patch, long? expectedVersion, RecordActor actor, bool checkFieldAccess, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        await using var scope = RecordScope.Begin(runtime);
        var write = new RecordWrite(RecordChangeKind.Updated, id, patch, "") { ExpectedVersion = expectedVersion };
        var batch = new RecordWriteBatch(this, runtime, definition, actor, scope, [write], []) { CheckFieldAccess = checkFieldAccess };
        IReadOnlyList<RecordChange> committed;
        try
        {
            await _writer.WriteAsync(batch, ct);
            committed = await scope.CommitAsync(batch.Changes, ct);
        }
        catch (DbException)
        {
            // A concurrent write took a unique value after our checks (PostgreSQL): report it like the checks do.
            await using var retry = await runtime.Store.OpenAsync(write: false, ct);
            await _checks.RecheckAsync(batch, retry, ct);
            throw;
        }
        await scope.DisposeAsync();
        await PublishAsync(committed, ct);
        return Visible(runtime, actor, definition, (Dictionary<string, object?>)write.Change!.After!);
    }

    /// <summary>
    /// Deletes a record and, in the same transaction, what its lookups' onDelete rules take with it: cascade children
    /// are deleted and setNull children cleared, each checked, hooked, audited and evented like a write of its own (see
    /// <see cref="StoreStage"/>); the database's foreign keys only back this up.
    /// </summary>
    public async Task DeleteAsync(TenantRuntime runtime, string entity, Guid id, long? expectedVersion, RecordActor actor, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        await using var scope = RecordScope.Begin(runtime);
        var write = new RecordWrite(RecordChangeKind.Deleted, id, default, "") { ExpectedVersion = expectedVersion };
        var batch = new RecordWriteBatch(this, runtime, definition, actor, scope, [write], []) { Cascade = new DeleteCascade() };
        await _writer.WriteAsync(batch, ct);
        var committed = await scope.CommitAsync(batch.Changes, ct);
        await scope.DisposeAsync();
        await PublishAsync(committed, ct);
    }

    /// <summary>
    /// Runs work (a custom action, a workflow step) as one unit of work: every record call inside joins it, and
    /// nothing is kept unless the work completes. Events are published after the commit.
    /// </summary>
    public async Task<T> InOneTransactionAsync<T>(TenantRuntime runtime, Func<Task<T>> work, CancellationToken ct)
    {
        T result;
        IReadOnlyList<RecordChange> committed;
        await using (var scope = RecordScope.Begin(runtime))
        {
            result = await work();
            committed = await scope.CommitAsync([], ct);
        }
        await PublishAsync(committed, ct);
        return result;
    }

    /// <summary>Creates or upserts up to 1,000 records in one transaction: every error is reported and nothing is written unless all are valid.</summary>
    public async Task<BulkResult> BulkAsync(TenantRuntime runtime, string entity, BulkRequest request, RecordActor actor, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        if (request.Records.Count > BulkRequest.MaxRecords)
            throw new RecordValidationException([new FieldError("/records", $"a batch holds at most {BulkRequest.MaxRecords} records (it has {request.Records.Count})")]);
        var keyField = request.Mode == BulkMode.Upsert ? request.Key ?? SystemFields.Id : null;
        if (keyField is not null && keyField != SystemFields.Id && definition.FindField(keyField) is not { Unique: true })
            throw new RecordValidationException([new FieldError("/key", $"'{keyField}' is not a unique field of {entity}; upsert needs 'id' or a unique field")]);
        // Matching on a value the writer sees masked or not at all would confirm it, as a filter on it would.
        if (keyField is not null && RecordSecurity.Access(runtime, actor, entity).Field(keyField) is { Read: not FieldRead.Full } keyAccess)
            throw new RecordValidationException([new FieldError("/key", $"'{keyField}' is {keyAccess.Name} for your roles and cannot be the upsert key")]);

        await using var scope = RecordScope.Begin(runtime);
        var idempotency = request.Idempotency;
        var slot = idempotency is null ? null : IdempotencyStore.Slot(actor, idempotency.Key);
        if (slot is not null && await FindStoredAsync(runtime, slot, ct) is { } stored)
            return ReplayBatch(stored, idempotency!);

        var errors = new List<FieldError>();
        var writes = new RecordWrite[request.Records.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            var pointer = $"/records/{i}";
            var body = request.Records[i];
            Guid? id = null;
            if (keyField == SystemFields.Id)
            {
                id = ReadId(body, pointer, errors);
                body = Without(body, SystemFields.Id);
            }
            writes[i] = new RecordWrite(RecordChangeKind.Created, id, body, pointer);
        }
        var batch = new RecordWriteBatch(this, runtime, definition, actor, scope, writes, []) { IsBulk = true, UpsertKey = keyField };
        batch.Errors.AddRange(errors);
        IReadOnlyList<RecordChange> committed;
        var ids = new List<Guid>(writes.Length);
        int created = 0, updated = 0;
        try
        {
            await _writer.WriteAsync(batch, ct);
            // Updated records first, then created ones, each in request order.
            foreach (var write in writes)
                if (write.Kind == RecordChangeKind.Updated) { ids.Add(write.Id!.Value); updated++; }
            foreach (var write in writes)
                if (write.Kind == RecordChangeKind.Created) { ids.Add(write.Id!.Value); created++; }
            if (slot is not null)
                await IdempotencyStore.SaveAsync(await batch.SessionAsync(ct), runtime.Store.Database, slot, idempotency!.RequestHash,
                    new IdempotentReplay(200, null, new BulkResult(created, updated, ids).ToStoredJson()), ct);
            committed = await scope.CommitAsync(batch.Changes, ct);
        }
        catch (DbException) when (!scope.IsNested)
        {
            // A concurrent write took a unique value (or removed a lookup target) after the checks read the database:
            // report it at the record's pointer as the checks would have. A concurrent batch with the same
            // idempotency key is answered with the winner's result.
            await using var retry = await runtime.Store.OpenAsync(write: false, ct);
            if (slot is not null && await IdempotencyStore.FindAsync(retry, runtime.Store.Database, slot, ct) is { } winner)
                return ReplayBatch(winner, idempotency!);
            await _checks.RecheckAsync(batch, retry, ct);
            throw;
        }
        await scope.DisposeAsync();
        await PublishAsync(committed, ct);
        return new BulkResult(created, updated, ids);
    }

    private async Task PublishAsync(IReadOnlyList<RecordChange> changes, CancellationToken ct)
    {
        foreach (var change in changes)
            foreach (var handler in _handlers)
                await handler.OnWrittenAsync(change, ct);
    }

    /// <summary>
    /// An earlier response under the idempotency key, read before the write's scripts run (on the unit of work's
    /// transaction when one is open, else on a read session), so a repeat runs nothing.
    /// </summary>
    private static Task<(string Hash, IdempotentReplay Replay)?> FindStoredAsync(TenantRuntime runtime, string slot, CancellationToken ct) =>
        RecordScope.ReadAsync(runtime, session => IdempotencyStore.FindAsync(session, runtime.Store.Database, slot, ct), ct);

    private static IdempotentReplay Replay((string Hash, IdempotentReplay Replay) stored, IdempotencyRequest request) =>
        stored.Hash == request.RequestHash
            ? stored.Replay
            : throw new RecordConflictException($"The Idempotency-Key '{request.Key}' was already used with a different request body.");

    private static BulkResult ReplayBatch((string Hash, IdempotentReplay Replay) stored, IdempotencyRequest request) =>
        BulkResult.FromStoredJson(Replay(stored, request).Body ?? "{}");

    private static Guid? ReadId(JsonElement body, string pointer, List<FieldError> errors)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(SystemFields.Id, out var idJson))
        {
            if (idJson.ValueKind == JsonValueKind.String && Guid.TryParse(idJson.GetString(), out var id)) return id;
            errors.Add(new FieldError($"{pointer}/id", "must be a UUID"));
        }
        return null;
    }

    private static JsonElement Without(JsonElement body, string property)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(property, out _)) return body;
        var node = System.Text.Json.Nodes.JsonObject.Create(body)!;
        node.Remove(property);
        return JsonSerializer.SerializeToElement(node);
    }
}
