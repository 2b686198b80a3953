using Platform.Storage.Providers;
using Platform.Storage.Records;
using static Platform.Workflows.Runtime.WorkflowTables;

namespace Platform.Workflows.Runtime;

/// <summary>An instance leased in the transaction that runs it: what its steps need (the lease and the read are one statement).</summary>
public sealed record LeasedInstance(Guid Id, string WorkflowId, long Version, string State);

/// <summary>A step's outcome for one instance of a batch: its new status and state, and what it wrote besides.</summary>
public sealed record InstanceSave(Guid Id, string Status, InstanceState State, DateTime? LeaseUntil, StepChanges Changes);

/// <summary>
/// Statements that lease, resume and save many instances in one transaction (a burst of due timers), each a handful of
/// statements whatever the batch's size, and the lease taken by the statement that reads the instance.
/// </summary>
public static class WorkflowResumeBatchStore
{
    /// <summary>Rows per multi-row statement on PostgreSQL: well under its parameter limit, one round trip each.</summary>
    private const int PostgresRows = 500;

    /// <summary>
    /// Parameters per statement on SQLite. It finds a named parameter by a linear scan of the statement's names, both
    /// when it parses the statement and when Microsoft.Data.Sqlite binds each value by name, so a statement costs the
    /// square of its parameters: 300 journal rows (2,700 parameters) took most of a timer batch's time. Statements
    /// are in-process there, so many small ones cost little more than one.
    /// </summary>
    private const int SqliteParameters = 160;

    /// <summary>Rows per statement for rows of <paramref name="parametersPerRow"/> parameters.</summary>
    private static int RowsPerStatement(WorkflowSql s, int parametersPerRow) =>
        s.Provider == DatabaseProvider.Sqlite ? Math.Max(1, SqliteParameters / parametersPerRow) : PostgresRows;

    /// <summary>
    /// Takes the leases of the instances that wait or run and that no other host holds, reading their state in the same
    /// statement (UPDATE … RETURNING): on PostgreSQL a concurrent resume of one of them waits for this transaction.
    /// </summary>
    public static async Task<Dictionary<Guid, LeasedInstance>> LeaseAsync(
        RecordSession session, TenantDatabase database, IReadOnlyCollection<Guid> ids, string owner, DateTime now, DateTime until, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        var leased = new Dictionary<Guid, LeasedInstance>(ids.Count);
        foreach (var chunk in ids.Chunk(RowsPerStatement(s, 1)))
        {
            await using var command = session.Command("");
            var names = Ids(command, s, chunk, Instances, "id");
            command.CommandText =
                $"UPDATE {s.T(Instances)} SET {s.Q("lease_owner")} = @o, {s.Q("lease_until")} = @until WHERE {s.Q("id")} IN ({names}) " +
                $"AND {s.Q("status")} IN (@running, @suspended) AND ({s.Q("lease_owner")} IS NULL OR {s.Q("lease_owner")} = @o OR {s.Q("lease_until")} < @now) " +
                $"RETURNING {s.Columns("id", "workflow_id", "version", "state")}";
            s.Add(command, "@o", Instances, "lease_owner", owner);
            s.Add(command, "@until", Instances, "lease_until", until);
            s.Add(command, "@now", Instances, "lease_until", now);
            s.Add(command, "@running", Instances, "status", WorkflowStatus.Running);
            s.Add(command, "@suspended", Instances, "status", WorkflowStatus.Suspended);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = new LeasedInstance(s.Read<Guid>(reader, 0, Instances, "id"), s.Read<string>(reader, 1, Instances, "workflow_id")!,
                    s.Read<long>(reader, 2, Instances, "version"), s.Read<string>(reader, 3, Instances, "state")!);
                leased[row.Id] = row;
            }
        }
        return leased;
    }

    /// <summary>
    /// The due timers no other host has claimed, oldest first, read by the transaction that fires them: it holds the
    /// single writer (SQLite) or the rows (PostgreSQL, whose concurrent takes skip them), so none of them can be
    /// consumed before it commits, and the take marks nothing — the timers it fires are deleted by the same commit, and
    /// the ones it leaves (their instance busy) stay as they were.
    /// </summary>
    public static async Task<IReadOnlyList<BookmarkRow>> DueTimersAsync(RecordSession session, TenantDatabase database, DateTime now, int limit, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        var skipLocked = s.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        await using var command = session.Command(
            $"SELECT {s.Columns("id", "instance_id", "activity_id", "name", "due_at")} FROM {s.T(Bookmarks)} " +
            $"WHERE {s.Q("due_at")} <= @now AND ({s.Q("lease_until")} IS NULL OR {s.Q("lease_until")} < @now) AND {WorkflowStore.NotOfFaultedInstance(s)} " +
            $"ORDER BY {s.Q("due_at")} LIMIT {limit}{skipLocked}");
        s.Add(command, "@now", Bookmarks, "due_at", now);
        s.Add(command, "@faulted", Instances, "status", WorkflowStatus.Faulted);
        var due = new List<BookmarkRow>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            due.Add(new BookmarkRow(s.Read<Guid>(reader, 0, Bookmarks, "id"), s.Read<Guid>(reader, 1, Bookmarks, "instance_id"),
                s.Read<string>(reader, 2, Bookmarks, "activity_id")!, s.Read<string>(reader, 3, Bookmarks, "name")!, s.Read<DateTime?>(reader, 4, Bookmarks, "due_at")));
        return due;
    }

    /// <summary>Consumes bookmarks (one DELETE … RETURNING per chunk): those still there, by id, with the activity each resumes.</summary>
    public static async Task<Dictionary<Guid, string>> BurnAsync(RecordSession session, TenantDatabase database, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        var burned = new Dictionary<Guid, string>(ids.Count);
        foreach (var chunk in ids.Chunk(RowsPerStatement(s, 1)))
        {
            await using var command = session.Command("");
            command.CommandText = $"DELETE FROM {s.T(Bookmarks)} WHERE {s.Q("id")} IN ({Ids(command, s, chunk, Bookmarks, "id")}) RETURNING {s.Columns("id", "activity_id")}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) burned[s.Read<Guid>(reader, 0, Bookmarks, "id")] = s.Read<string>(reader, 1, Bookmarks, "activity_id")!;
        }
        return burned;
    }

    /// <summary>Gives back leases this batch took but did not use (the bookmark was consumed elsewhere, the definition is gone).</summary>
    public static async Task ReleaseAsync(RecordSession session, TenantDatabase database, IReadOnlyCollection<Guid> ids, string owner, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        foreach (var chunk in ids.Chunk(RowsPerStatement(s, 1)))
        {
            await using var command = session.Command("");
            command.CommandText = $"UPDATE {s.T(Instances)} SET {s.Q("lease_owner")} = NULL, {s.Q("lease_until")} = NULL " +
                                  $"WHERE {s.Q("id")} IN ({Ids(command, s, chunk, Instances, "id")}) AND {s.Q("lease_owner")} = @o";
            s.Add(command, "@o", Instances, "lease_owner", owner);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Drops the claims on timers this batch did not fire (their instance was busy), so the next poll tries them again.</summary>
    public static async Task UnclaimAsync(RecordSession session, TenantDatabase database, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        foreach (var chunk in ids.Chunk(RowsPerStatement(s, 1)))
        {
            await using var command = session.Command("");
            command.CommandText = $"UPDATE {s.T(Bookmarks)} SET {s.Q("lease_until")} = NULL WHERE {s.Q("id")} IN ({Ids(command, s, chunk, Bookmarks, "id")})";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Saves the steps of many instances: their states in one UPDATE … FROM (VALUES …) per chunk, then the bookmarks
    /// deleted, cleared and created and the journal entries of all of them, each in multi-row statements.
    /// </summary>
    public static async Task SaveStepsAsync(RecordSession session, TenantDatabase database, IReadOnlyList<InstanceSave> saves, DateTime now, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        if (saves.Any(save => save.Changes.Incident is not null || save.Changes.ResolveIncidents is not null))
            throw new InvalidOperationException("A batched step opens or resolves no incident.");
        await UpdateInstancesAsync(session, s, saves, now, ct);
        await DeleteBookmarksAsync(session, s, saves.SelectMany(x => x.Changes.DeletedBookmarks).Distinct().ToList(), ct);
        await ClearActivitiesAsync(session, s, saves.SelectMany(x => x.Changes.ClearedActivities.Distinct().Select(a => (x.Id, a))).ToList(), ct);
        await InsertBookmarksAsync(session, s, saves.SelectMany(x => x.Changes.CreatedBookmarks).ToList(), now, ct);
        // One call: the journal insert chunks its rows itself, and on SQLite binds each chunk as one JSON parameter (MultiRowSource).
        await WorkflowStartBatchStore.InsertJournalAsync(session, database, saves.SelectMany(x => x.Changes.Journal.Select(e => (x.Id, e))).ToList(), ct);
    }

    /// <summary>
    /// The instances' new status and state, one statement per chunk: a CTE of VALUES joined by id (UPDATE … FROM, SQLite
    /// 3.33+ and PostgreSQL), where one UPDATE per instance cost a statement — and on SQLite a prepare — each. The lease
    /// is kept (with its new expiry) for an instance that runs on, released for one that waits or ended.
    /// </summary>
    private static async Task UpdateInstancesAsync(RecordSession session, WorkflowSql s, IReadOnlyList<InstanceSave> saves, DateTime now, CancellationToken ct)
    {
        foreach (var chunk in saves.Chunk(RowsPerStatement(s, 5)))
        {
            await using var command = session.Command("");
            var rows = new string[chunk.Length];
            for (var n = 0; n < chunk.Length; n++)
            {
                var save = chunk[n];
                rows[n] = $"(@id{n}, @s{n}, @st{n}, @f{n}, @l{n})";
                s.Add(command, $"@id{n}", Instances, "id", save.Id);
                s.Add(command, $"@s{n}", Instances, "status", save.Status);
                s.Add(command, $"@st{n}", Instances, "state", save.State.Serialize());
                s.Add(command, $"@f{n}", Instances, "finished_at", WorkflowStatus.IsEnded(save.Status) ? now : null);
                s.Add(command, $"@l{n}", Instances, "lease_until", save.LeaseUntil);
            }
            s.Add(command, "@u", Instances, "updated_at", now);
            command.CommandText =
                $"WITH v (id, status, state, finished_at, lease_until) AS (VALUES {string.Join(", ", rows)}) " +
                $"UPDATE {s.T(Instances)} AS t SET {s.Q("status")} = v.status, {s.Q("state")} = v.state, {s.Q("updated_at")} = @u, " +
                $"{s.Q("finished_at")} = v.finished_at, {s.Q("lease_until")} = v.lease_until, " +
                $"{s.Q("lease_owner")} = CASE WHEN v.lease_until IS NULL THEN NULL ELSE t.{s.Q("lease_owner")} END " +
                $"FROM v WHERE t.{s.Q("id")} = v.id";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task DeleteBookmarksAsync(RecordSession session, WorkflowSql s, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(RowsPerStatement(s, 1)))
        {
            await using var command = session.Command("");
            command.CommandText = $"DELETE FROM {s.T(Bookmarks)} WHERE {s.Q("id")} IN ({Ids(command, s, chunk, Bookmarks, "id")})";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Deletes the bookmarks of completed activities: one statement per activity id, over the instances that cleared it
    /// (a burst's instances wait on the same activity), each an indexed lookup by instance.
    /// </summary>
    private static async Task ClearActivitiesAsync(RecordSession session, WorkflowSql s, IReadOnlyList<(Guid Instance, string Activity)> cleared, CancellationToken ct)
    {
        foreach (var activity in cleared.GroupBy(c => c.Activity, StringComparer.Ordinal))
            foreach (var chunk in activity.Select(c => c.Instance).Distinct().Chunk(RowsPerStatement(s, 1)))
            {
                await using var command = session.Command("");
                command.CommandText = $"DELETE FROM {s.T(Bookmarks)} WHERE {s.Q("activity_id")} = @a AND {s.Q("instance_id")} IN ({Ids(command, s, chunk, Bookmarks, "instance_id")})";
                s.Add(command, "@a", Bookmarks, "activity_id", activity.Key);
                await command.ExecuteNonQueryAsync(ct);
            }
    }

    private static async Task InsertBookmarksAsync(RecordSession session, WorkflowSql s, IReadOnlyList<BookmarkRow> bookmarks, DateTime now, CancellationToken ct)
    {
        foreach (var chunk in bookmarks.Chunk(RowsPerStatement(s, 6)))
        {
            await using var command = session.Command("");
            var rows = new List<string>(chunk.Length);
            for (var n = 0; n < chunk.Length; n++)
            {
                var bookmark = chunk[n];
                rows.Add($"(@id{n}, @i{n}, @a{n}, @n{n}, @d{n}, @c{n})");
                s.Add(command, $"@id{n}", Bookmarks, "id", bookmark.Id);
                s.Add(command, $"@i{n}", Bookmarks, "instance_id", bookmark.InstanceId);
                s.Add(command, $"@a{n}", Bookmarks, "activity_id", bookmark.ActivityId);
                s.Add(command, $"@n{n}", Bookmarks, "name", bookmark.Name);
                s.Add(command, $"@d{n}", Bookmarks, "due_at", bookmark.DueAt);
                s.Add(command, $"@c{n}", Bookmarks, "created_at", now);
            }
            command.CommandText = $"INSERT INTO {s.T(Bookmarks)} ({s.Columns("id", "instance_id", "activity_id", "name", "due_at", "created_at")}) VALUES " + string.Join(", ", rows);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Adds one parameter per id and answers their names for an IN list.</summary>
    private static string Ids(System.Data.Common.DbCommand command, WorkflowSql s, IReadOnlyList<Guid> ids, string table, string column)
    {
        var names = new string[ids.Count];
        for (var n = 0; n < ids.Count; n++)
        {
            names[n] = $"@k{n}";
            s.Add(command, names[n], table, column, ids[n]);
        }
        return string.Join(", ", names);
    }
}
