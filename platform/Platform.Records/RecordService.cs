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
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records;

/// <summary>
/// The one way records are read and written — by the API now, by scripts and workflow activities later — so
/// validation, row versions, events and permission checks (<see cref="RecordSecurity"/>) apply to every caller alike.
/// Writes join the caller's open <see cref="RecordScope"/> (a script's crm calls inside a save or an action), so a
/// script and everything it does commit together; only the outermost write commits and publishes.
/// </summary>
public sealed partial class RecordService(
    IEnumerable<IRecordEventHandler> handlers, BeforeSaveScripts? scripts = null, RecordHookScripts? hooks = null,
    RecordSecurity? security = null, IAuditLog? audit = null)
{
    private readonly IReadOnlyList<IRecordEventHandler> _handlers = handlers.ToList();
    private readonly RecordSecurity _security = security ?? new RecordSecurity();
    private readonly IAuditLog _audit = audit ?? new NullAuditLog();

    /// <summary>How often a write without If-Match re-reads a record that concurrent writers keep changing.</summary>
    private const int MaxWriteAttempts = 10;

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
        var page = await RecordScope.ReadAsync(runtime, session => runtime.Store.QueryAsync(session, query, ct), ct);
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
        RecordSecurity.DemandCreate(runtime, actor, entity);
        var errors = new List<FieldError>();
        CheckWritableBody(runtime, actor, definition, body, "", errors);
        // Begun before the scripts run, so their crm writes are part of this create.
        await using var scope = RecordScope.Begin(runtime);
        // Scripts run before validation, so what they set is validated like what the caller sent.
        if (scripts is not null && BeforeSaveScripts.Applies(definition)) body = await scripts.RunAsync(this, runtime, definition, body, null, actor, ct);
        var values = RecordBodyReader.Read(definition, body, "", errors);
        RecordBodyReader.ApplyDefaults(definition, values);
        RecordBodyReader.CheckRules(definition, values, Stored(definition), "", errors);
        if (errors.Count > 0) await ThrowWithDatabaseChecksAsync(runtime, actor, definition, values, null, errors, ct);

        var changes = new List<RecordChange>();
        Dictionary<string, object?> created;
        IReadOnlyList<RecordChange> committed;
        var slot = idempotency is null ? null : IdempotencyStore.Slot(actor, idempotency.Key);
        {
            var session = await scope.SessionAsync(ct);
            if (slot is not null && await IdempotencyStore.FindAsync(session, runtime.Store.Database, slot, ct) is { } stored)
                return (null, Replay(stored, idempotency!));

            await WriteChecks.CheckAsync(Writer(runtime, actor), session, definition, values, null, "", errors, ct);
            // A request with the same key may have committed since the lookup above, taking the unique values: replay it.
            if (errors.Count > 0 && slot is not null && await IdempotencyStore.FindAsync(session, runtime.Store.Database, slot, ct) is { } raced)
                return (null, Replay(raced, idempotency!));
            ThrowIfAny(errors);
            try
            {
                created = (await InsertAsync(runtime, session, definition, [values], actor, changes, ct))[0];
                // Only the status and the id are kept: a replay renders the record as its caller may see it then.
                if (slot is not null)
                    await IdempotencyStore.SaveAsync(session, runtime.Store.Database, slot, idempotency!.RequestHash,
                        new IdempotentReplay(201, (Guid)created[SystemFields.Id]!, null), ct);
                committed = await scope.CommitAsync(changes, ct);
            }
            catch (DbException)
            {
                // A concurrent create won a race our checks could not see (PostgreSQL reports it at the INSERT of a unique
                // value or key). With the same idempotency key the loser answers with the winner's stored response;
                // otherwise a value the winner took is reported like the checks report it.
                await using var retry = await runtime.Store.OpenAsync(write: false, ct);
                if (slot is not null && await IdempotencyStore.FindAsync(retry, runtime.Store.Database, slot, ct) is { } winner)
                    return (null, Replay(winner, idempotency!));
                await WriteChecks.CheckAsync(Writer(runtime, actor), retry, definition, values, null, "", errors, ct);
                ThrowIfAny(errors);
                throw;
            }
        }
        await scope.DisposeAsync();
        await PublishAsync(committed, ct);
        return (Visible(runtime, actor, definition, created), null);
    }

    public Task<Dictionary<string, object?>> UpdateAsync(
        TenantRuntime runtime, string entity, Guid id, JsonElement patch, long? expectedVersion, RecordActor actor, CancellationToken ct) =>
        UpdateCoreAsync(runtime, entity, id, patch, expectedVersion, actor, checkFieldAccess: true, ct);

    /// <param name="checkFieldAccess">False only for changes the platform makes on the user's behalf (a delete's setNull).</param>
    private async Task<Dictionary<string, object?>> UpdateCoreAsync(
        TenantRuntime runtime, string entity, Guid id, JsonElement patch, long? expectedVersion, RecordActor actor, bool checkFieldAccess, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        await using var scope = RecordScope.Begin(runtime);
        var errors = new List<FieldError>();
        if (checkFieldAccess) CheckWritableBody(runtime, actor, definition, patch, "", errors);
        if (scripts is not null && BeforeSaveScripts.Applies(definition))
            patch = await scripts.RunAsync(this, runtime, definition, patch, await StoredForWriteAsync(runtime, entity, id, actor, ct), actor, ct);
        var values = RecordBodyReader.Read(definition, patch, "", errors);
        RecordBodyReader.CheckRules(definition, values, definition.Fields.Where(f => values.ContainsKey(f.Name)), "", errors);
        if (errors.Count > 0) await ThrowWithDatabaseChecksAsync(runtime, actor, definition, values, id, errors, ct);

        RecordChange change;
        IReadOnlyList<RecordChange> committed;
        for (var attempt = 1; ; attempt++)
        {
            var session = await scope.SessionAsync(ct);
            var before = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
            await _security.DemandAsync(runtime, session, actor, entity, id, before, Privilege.Update, ct);
            var current = (long)before["row_version"]!;
            if (expectedVersion is { } expected && expected != current) throw new RecordConcurrencyException(entity, id, expected, current);

            await ComputeFormulasAsync(runtime, definition, before, values, actor, "", errors, ct);
            await WriteChecks.CheckAsync(Writer(runtime, actor), session, definition, values, id, "", errors, ct);
            ThrowIfAny(errors);
            values[SystemFields.ModifiedAt] = DateTime.UtcNow;
            values[SystemFields.ModifiedBy] = actor.UserId;
            bool updated;
            try
            {
                updated = await runtime.Store.UpdateAsync(session, entity, id, values, current, ct);
            }
            catch (DbException)
            {
                // A concurrent write took a unique value after our checks (PostgreSQL): report it like the checks do.
                await using var retry = await runtime.Store.OpenAsync(write: false, ct);
                await WriteChecks.CheckAsync(Writer(runtime, actor), retry, definition, values, id, "", errors, ct);
                ThrowIfAny(errors);
                throw;
            }
            if (!updated)
            {
                // Without If-Match the caller set no precondition: another writer got in first, so read again and retry.
                if (expectedVersion is null && attempt < MaxWriteAttempts) continue;
                throw new RecordConcurrencyException(entity, id, current, null);
            }
            var after = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
            change = new RecordChange(runtime, entity, id, RecordChangeKind.Updated, before, after, actor);
            foreach (var handler in _handlers) await handler.OnWritingAsync(change, session, ct);
            if (hooks is not null) await hooks.AfterSaveAsync(this, runtime, definition, change, "", ct);
            committed = await scope.CommitAsync([change], ct);
            break;
        }
        await scope.DisposeAsync();
        await PublishAsync(committed, ct);
        return Visible(runtime, actor, definition, (Dictionary<string, object?>)change.After!);
    }

    /// <summary>
    /// Deletes a record and, in the same transaction, what its lookups' onDelete rules take with it: cascade children
    /// are deleted and setNull children cleared here, each checked, hooked and audited like a write of its own
    /// (see <see cref="DeleteCascade"/>); the database's foreign keys only back this up.
    /// </summary>
    public async Task DeleteAsync(TenantRuntime runtime, string entity, Guid id, long? expectedVersion, RecordActor actor, CancellationToken ct)
    {
        var definition = Entity(runtime, entity);
        await using var scope = RecordScope.Begin(runtime);
        IReadOnlyList<RecordChange> committed;
        {
            var session = await scope.SessionAsync(ct);
            Dictionary<string, object?> before;
            for (var attempt = 1; ; attempt++)
            {
                before = await runtime.Store.GetAsync(session, entity, id, ct) ?? throw new RecordNotFoundException(entity, id);
                await _security.DemandAsync(runtime, session, actor, entity, id, before, Privilege.Delete, ct);
                var current = (long)before["row_version"]!;
                if (expectedVersion is { } expected && expected != current) throw new RecordConcurrencyException(entity, id, expected, current);
                // Claims the row at the version checked (a row lock on PostgreSQL) before hooks and cascades run, so a
                // lost race is retried before anything else was written rather than after.
                if (await runtime.Store.UpdateAsync(session, entity, id, new Dictionary<string, object?>(), current, ct)) break;
                // As in UpdateAsync: without If-Match a lost race is retried (a record deleted meanwhile is then a 404).
                if (expectedVersion is null && attempt < MaxWriteAttempts) continue;
                throw new RecordConcurrencyException(entity, id, current, null);
            }
            var changes = new List<RecordChange>();
            await DeleteClaimedAsync(runtime, session, definition, before, actor, changes, new DeleteCascade(), ct);
            committed = await scope.CommitAsync(changes, ct);
        }
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
        var errors = new List<FieldError>();
        if (request.Records.Count > BulkRequest.MaxRecords)
            throw new RecordValidationException([new FieldError("/records", $"a batch holds at most {BulkRequest.MaxRecords} records (it has {request.Records.Count})")]);
        var keyField = request.Mode == BulkMode.Upsert ? request.Key ?? SystemFields.Id : null;
        if (keyField is not null && keyField != SystemFields.Id && definition.FindField(keyField) is not { Unique: true })
            throw new RecordValidationException([new FieldError("/key", $"'{keyField}' is not a unique field of {entity}; upsert needs 'id' or a unique field")]);

        var access = RecordSecurity.Access(runtime, actor, entity);
        // Matching on a value the writer sees masked or not at all would confirm it, as a filter on it would.
        if (keyField is not null && access.Field(keyField).Read != FieldRead.Full)
            throw new RecordValidationException([new FieldError("/key", $"'{keyField}' is {access.Field(keyField).Name} for your roles and cannot be the upsert key")]);
        await using var scope = RecordScope.Begin(runtime);
        var runScripts = scripts is not null && BeforeSaveScripts.Applies(definition);
        var items = new List<(Dictionary<string, object?> Values, Guid? Id, string Pointer)>();
        for (var i = 0; i < request.Records.Count; i++)
        {
            var pointer = $"/records/{i}";
            var body = request.Records[i];
            Guid? id = null;
            if (keyField == SystemFields.Id)
            {
                id = ReadId(body, pointer, errors);
                body = Without(body, SystemFields.Id);
            }
            if (runScripts)
            {
                // Default expressions and beforeSave per record, each error at its record's pointer (previous: the row an upsert updates).
                var previous = keyField is null ? null : await FindExistingAsync(runtime, definition, keyField, id, body, actor, ct);
                try
                {
                    body = await scripts!.RunAsync(this, runtime, definition, body, previous, actor, ct, pointer);
                }
                catch (RecordValidationException invalid)
                {
                    errors.AddRange(invalid.Errors);
                    continue;
                }
            }
            var values = RecordBodyReader.Read(definition, body, pointer, errors);
            RecordSecurity.CheckWritable(access, values, pointer, errors);
            if (keyField is not null && keyField != SystemFields.Id && values.GetValueOrDefault(keyField) is null)
                errors.Add(new FieldError($"{pointer}/{keyField}", "is the upsert key and must be given"));
            items.Add((values, id, pointer));
        }
        ThrowIfAny(errors);

        var changes = new List<RecordChange>();
        var ids = new List<Guid>();
        int created = 0, updated = 0;
        IReadOnlyList<RecordChange> committed;
        var idempotency = request.Idempotency;
        var slot = idempotency is null ? null : IdempotencyStore.Slot(actor, idempotency.Key);
        {
            var session = await scope.SessionAsync(ct);
            if (slot is not null && await IdempotencyStore.FindAsync(session, runtime.Store.Database, slot, ct) is { } stored)
                return ReplayBatch(stored, idempotency!);
            var toCreate = new List<Dictionary<string, object?>>();
            var createPointers = new List<string>();
            // A plain create writes nothing before the final insert, so its lookups and unique values are read in a few queries.
            WriteCheckData? checkData = null;
            if (keyField is null)
            {
                foreach (var item in items) RecordBodyReader.ApplyDefaults(definition, item.Values);
                checkData = await WriteCheckData.ReadAsync(Writer(runtime, actor), session, definition, items.Select(i => (IReadOnlyDictionary<string, object?>)i.Values).ToList(), ct);
            }
            foreach (var (values, id, pointer) in items)
            {
                Dictionary<string, object?>? existing = null;
                if (id is { } given) existing = await runtime.Store.GetAsync(session, entity, given, ct);
                else if (keyField is not null && keyField != SystemFields.Id && await runtime.Store.FindByValueAsync(session, entity, keyField, values[keyField]!, null, ct) is { } found)
                    existing = await runtime.Store.GetAsync(session, entity, found, ct);

                if (existing is null)
                {
                    if (access.Scope(Privilege.Create) == PrivilegeScope.None)
                        errors.Add(new FieldError(pointer, $"you may not create {entity} records"));
                    RecordBodyReader.ApplyDefaults(definition, values);
                    RecordBodyReader.CheckRules(definition, values, Stored(definition), pointer, errors);
                    await WriteChecks.CheckAsync(Writer(runtime, actor), session, definition, values, null, pointer, errors, ct, checkData);
                    if (id is { } newId) values[SystemFields.Id] = newId;
                    toCreate.Add(values);
                    createPointers.Add(pointer);
                    continue;
                }
                var existingId = (Guid)existing[SystemFields.Id]!;
                // Unreadable and read-only records get the same answer, so a batch cannot probe for ids it may not see.
                if (!await _security.AllowsAsync(runtime, session, actor, entity, existing, Privilege.Update, ct))
                {
                    errors.Add(new FieldError(pointer, $"you may not update this {entity}"));
                    continue;
                }
                RecordBodyReader.CheckRules(definition, values, definition.Fields.Where(f => values.ContainsKey(f.Name)), pointer, errors);
                await ComputeFormulasAsync(runtime, definition, existing, values, actor, pointer, errors, ct);
                await WriteChecks.CheckAsync(Writer(runtime, actor), session, definition, values, existingId, pointer, errors, ct);
                if (errors.Count > 0) continue;
                values[SystemFields.ModifiedAt] = DateTime.UtcNow;
                values[SystemFields.ModifiedBy] = actor.UserId;
                await runtime.Store.UpdateAsync(session, entity, existingId, values, null, ct);
                var after = await runtime.Store.GetAsync(session, entity, existingId, ct);
                var change = new RecordChange(runtime, entity, existingId, RecordChangeKind.Updated, existing, after, actor);
                foreach (var handler in _handlers) await handler.OnWritingAsync(change, session, ct);
                if (hooks is not null) await hooks.AfterSaveAsync(this, runtime, definition, change, pointer, ct);
                changes.Add(change);
                ids.Add(existingId);
                updated++;
            }
            CheckUniqueWithinBatch(definition, toCreate, items, errors);
            ThrowIfAny(errors);
            try
            {
                var rows = await InsertAsync(runtime, session, definition, toCreate, actor, changes, ct, createPointers);
                ids.AddRange(rows.Select(r => (Guid)r[SystemFields.Id]!));
                created = rows.Count;
                if (slot is not null)
                    await IdempotencyStore.SaveAsync(session, runtime.Store.Database, slot, idempotency!.RequestHash,
                        new IdempotentReplay(200, null, new BulkResult(created, updated, ids).ToStoredJson()), ct);
                committed = await scope.CommitAsync(changes, ct);
            }
            catch (DbException) when (!scope.IsNested)
            {
                // A concurrent write took a unique value (or removed a lookup target) after the checks read the database:
                // report it at the record's pointer as the checks would have. A concurrent batch with the same
                // idempotency key is answered with the winner's result.
                await using var retry = await runtime.Store.OpenAsync(write: false, ct);
                if (slot is not null && await IdempotencyStore.FindAsync(retry, runtime.Store.Database, slot, ct) is { } winner)
                    return ReplayBatch(winner, idempotency!);
                for (var i = 0; i < toCreate.Count; i++)
                    await WriteChecks.CheckAsync(Writer(runtime, actor), retry, definition, toCreate[i], null, createPointers[i], errors, ct);
                ThrowIfAny(errors);
                throw;
            }
        }
        await scope.DisposeAsync();
        await PublishAsync(committed, ct);
        return new BulkResult(created, updated, ids);
    }

    /// <summary>Stamps system fields, numbers autonumbers, inserts, and raises in-transaction events.</summary>
    private async Task<IReadOnlyList<Dictionary<string, object?>>> InsertAsync(
        TenantRuntime runtime, RecordSession session, EntityDefinition definition, IReadOnlyList<Dictionary<string, object?>> rows,
        RecordActor actor, List<RecordChange> changes, CancellationToken ct, IReadOnlyList<string>? pointers = null)
    {
        if (rows.Count == 0) return [];
        var now = DateTime.UtcNow;
        foreach (var field in definition.Fields.Where(f => f.Type == FieldType.AutoNumber))
        {
            var first = await runtime.Store.NextSequenceValueAsync(session, $"{definition.Name}.{field.Name}", ct, rows.Count);
            for (var i = 0; i < rows.Count; i++)
                rows[i][field.Name] = string.Format(System.Globalization.CultureInfo.InvariantCulture, field.Format ?? "{0}", first + i);
        }
        var complete = new List<IReadOnlyDictionary<string, object?>>(rows.Count);
        foreach (var values in rows)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            row[SystemFields.Id] = values.TryGetValue(SystemFields.Id, out var given) && given is Guid id ? id : Guid.CreateVersion7();
            foreach (var field in definition.Fields) row[field.Name] = values.GetValueOrDefault(field.Name);
            row[SystemFields.CreatedAt] = now;
            row[SystemFields.CreatedBy] = actor.UserId;
            row[SystemFields.ModifiedAt] = now;
            row[SystemFields.ModifiedBy] = actor.UserId;
            row[SystemFields.Owner] = actor.UserId;
            row[SystemFields.OwningBusinessUnit] = actor.BusinessUnit;
            row[SystemFields.RowVersion] = 1L;
            complete.Add(row);
        }
        if (scripts is not null && BeforeSaveScripts.HasFormulas(definition))
        {
            // Formulas see the record as saved: defaults, autonumbers and system fields included.
            var errors = new List<FieldError>();
            for (var i = 0; i < complete.Count; i++)
                await scripts.ComputeFormulasAsync(runtime, definition, (Dictionary<string, object?>)complete[i], null, actor, pointers?[i] ?? "", errors, ct);
            ThrowIfAny(errors);
        }
        await runtime.Store.InsertAsync(session, definition.Name, complete, ct);
        var result = complete.Select(r => new Dictionary<string, object?>(r)).ToList();
        var created = result.Select(row => new RecordChange(runtime, definition.Name, (Guid)row[SystemFields.Id]!, RecordChangeKind.Created, null, row, actor)).ToList();
        // Handlers take the batch at once (the audit trail writes it in a few statements); afterSave hooks run per record.
        foreach (var handler in _handlers) await handler.OnWritingManyAsync(created, session, ct);
        if (hooks is not null)
            for (var i = 0; i < created.Count; i++) await hooks.AfterSaveAsync(this, runtime, definition, created[i], pointers?[i] ?? "", ct);
        changes.AddRange(created);
        return result;
    }

    private async Task PublishAsync(IReadOnlyList<RecordChange> changes, CancellationToken ct)
    {
        foreach (var change in changes)
            foreach (var handler in _handlers)
                await handler.OnWrittenAsync(change, ct);
    }

    private static IdempotentReplay Replay((string Hash, IdempotentReplay Replay) stored, IdempotencyRequest request) =>
        stored.Hash == request.RequestHash
            ? stored.Replay
            : throw new RecordConflictException($"The Idempotency-Key '{request.Key}' was already used with a different request body.");

    private static BulkResult ReplayBatch((string Hash, IdempotentReplay Replay) stored, IdempotencyRequest request) =>
        BulkResult.FromStoredJson(Replay(stored, request).Body ?? "{}");

    private static void CheckUniqueWithinBatch(
        EntityDefinition definition, List<Dictionary<string, object?>> rows, List<(Dictionary<string, object?> Values, Guid? Id, string Pointer)> items, List<FieldError> errors)
    {
        var creating = rows.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var field in definition.Fields.Where(f => f.Unique))
        {
            var seen = new HashSet<object>();
            foreach (var item in items.Where(i => creating.Contains(i.Values)))
            {
                if (item.Values.GetValueOrDefault(field.Name) is { } value && !seen.Add(value))
                    errors.Add(new FieldError($"{item.Pointer}/{field.Name}", $"'{value}' appears twice in the batch; {field.Name} must be unique"));
            }
        }
    }

    /// <summary>
    /// The stored row a bulk upsert item would update, for its scripts' <c>record.previous</c>; none when the actor may
    /// not update it (the item is refused later), so a script never sees a row its user could not.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, object?>?> FindExistingAsync(
        TenantRuntime runtime, EntityDefinition definition, string keyField, Guid? id, JsonElement body, RecordActor actor, CancellationToken ct)
    {
        var key = keyField == SystemFields.Id ? id : RecordBodyReader.Read(definition, body, "", []).GetValueOrDefault(keyField);
        if (key is null) return null;
        return await RecordScope.ReadAsync(runtime, async s =>
        {
            var found = keyField == SystemFields.Id ? (Guid)key : await runtime.Store.FindByValueAsync(s, definition.Name, keyField, key, null, ct);
            var row = found is { } existing ? await runtime.Store.GetAsync(s, definition.Name, existing, ct) : null;
            return row is not null && await _security.AllowsAsync(runtime, s, actor, definition.Name, row, Privilege.Update, ct) ? row : null;
        }, ct);
    }

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

    private WriterSight Writer(TenantRuntime runtime, RecordActor actor) => new(runtime, actor, _security);

    /// <summary>The fields a body's values are checked against on create: all but formulas, which are computed at the insert.</summary>
    private static IEnumerable<FieldDefinition> Stored(EntityDefinition definition) => definition.Fields.Where(f => f.Formula is null);

    /// <summary>On update, sets the formula fields in <paramref name="values"/> from the stored row with the changes applied.</summary>
    private async Task ComputeFormulasAsync(
        TenantRuntime runtime, EntityDefinition definition, IReadOnlyDictionary<string, object?> stored, Dictionary<string, object?> values,
        RecordActor actor, string pointer, List<FieldError> errors, CancellationToken ct)
    {
        if (scripts is null || !BeforeSaveScripts.HasFormulas(definition)) return;
        var saved = new Dictionary<string, object?>(stored, StringComparer.Ordinal);
        foreach (var (name, value) in values) saved[name] = value;
        await scripts.ComputeFormulasAsync(runtime, definition, saved, stored, actor, pointer, errors, ct);
        foreach (var field in definition.Fields.Where(f => f.Formula is not null && saved.ContainsKey(f.Name))) values[field.Name] = saved[field.Name];
    }

    /// <summary>The body already broke field rules: the database checks run too, so one answer lists every error of the body.</summary>
    private async Task ThrowWithDatabaseChecksAsync(
        TenantRuntime runtime, RecordActor actor, EntityDefinition definition, IReadOnlyDictionary<string, object?> values, Guid? selfId, List<FieldError> errors, CancellationToken ct)
    {
        await RecordScope.ReadAsync(runtime, async session =>
        {
            await WriteChecks.CheckAsync(Writer(runtime, actor), session, definition, values, selfId, "", errors, ct);
            return true;
        }, ct);
        ThrowIfAny(errors);
    }

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0) throw new RecordValidationException(errors.ToList());
    }
}
