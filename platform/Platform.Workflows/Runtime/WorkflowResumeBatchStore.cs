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
    /// <summary>Rows per multi-row statement: well under SQLite's and PostgreSQL's parameter limits at 9 parameters a row.</summary>
    private const int RowsPerStatement = 500;

    /// <summary>
    /// Takes the leases of the instances that wait or run and that no other host holds, reading their state in the same
    /// statement (UPDATE … RETURNING): on PostgreSQL a concurrent resume of one of them waits for this transaction.
    /// </summary>
    public static async Task<Dictionary<Guid, LeasedInstance>> LeaseAsync(
        RecordSession session, TenantDatabase database, IReadOnlyCollection<Guid> ids, string owner, DateTime now, DateTime until, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        var leased = new Dictionary<Guid, LeasedInstance>(ids.Count);
        foreach (var chunk in ids.Chunk(RowsPerStatement))
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

    /// <summary>Consumes bookmarks (one DELETE … RETURNING per chunk): those still there, by id, with the activity each resumes.</summary>
    public static async Task<Dictionary<Guid, string>> BurnAsync(RecordSession session, TenantDatabase database, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        var burned = new Dictionary<Guid, string>(ids.Count);
        foreach (var chunk in ids.Chunk(RowsPerStatement))
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
        foreach (var chunk in ids.Chunk(RowsPerStatement))
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
        foreach (var chunk in ids.Chunk(RowsPerStatement))
        {
            await using var command = session.Command("");
            command.CommandText = $"UPDATE {s.T(Bookmarks)} SET {s.Q("lease_until")} = NULL WHERE {s.Q("id")} IN ({Ids(command, s, chunk, Bookmarks, "id")})";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Saves the steps of many instances: one UPDATE per instance (its own state), then the bookmarks deleted, cleared and
    /// created and the journal entries of all of them, each in multi-row statements.
    /// </summary>
    public static async Task SaveStepsAsync(RecordSession session, TenantDatabase database, IReadOnlyList<InstanceSave> saves, DateTime now, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        foreach (var save in saves)
        {
            if (save.Changes.Incident is not null || save.Changes.ResolveIncidents is not null)
                throw new InvalidOperationException("A batched step opens or resolves no incident.");
            await using var command = session.Command(
                $"UPDATE {s.T(Instances)} SET {s.Q("status")} = @s, {s.Q("state")} = @state, {s.Q("updated_at")} = @u, {s.Q("finished_at")} = @f" +
                (save.LeaseUntil is null ? $", {s.Q("lease_owner")} = NULL, {s.Q("lease_until")} = NULL" : $", {s.Q("lease_until")} = @l") +
                $" WHERE {s.Q("id")} = @id");
            s.Add(command, "@s", Instances, "status", save.Status);
            s.Add(command, "@state", Instances, "state", save.State.Serialize());
            s.Add(command, "@u", Instances, "updated_at", now);
            s.Add(command, "@f", Instances, "finished_at", WorkflowStatus.IsEnded(save.Status) ? now : null);
            if (save.LeaseUntil is not null) s.Add(command, "@l", Instances, "lease_until", save.LeaseUntil);
            s.Add(command, "@id", Instances, "id", save.Id);
            await command.ExecuteNonQueryAsync(ct);
        }
        await DeleteBookmarksAsync(session, s, saves.SelectMany(x => x.Changes.DeletedBookmarks).Distinct().ToList(), ct);
        await ClearActivitiesAsync(session, s, saves.SelectMany(x => x.Changes.ClearedActivities.Distinct().Select(a => (x.Id, a))).ToList(), ct);
        await InsertBookmarksAsync(session, s, saves.SelectMany(x => x.Changes.CreatedBookmarks).ToList(), now, ct);
        await WorkflowStartBatchStore.InsertJournalAsync(session, database, saves.SelectMany(x => x.Changes.Journal.Select(e => (x.Id, e))).ToList(), ct);
    }

    private static async Task DeleteBookmarksAsync(RecordSession session, WorkflowSql s, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(RowsPerStatement))
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
            foreach (var chunk in activity.Select(c => c.Instance).Distinct().Chunk(RowsPerStatement))
            {
                await using var command = session.Command("");
                command.CommandText = $"DELETE FROM {s.T(Bookmarks)} WHERE {s.Q("activity_id")} = @a AND {s.Q("instance_id")} IN ({Ids(command, s, chunk, Bookmarks, "instance_id")})";
                s.Add(command, "@a", Bookmarks, "activity_id", activity.Key);
                await command.ExecuteNonQueryAsync(ct);
            }
    }

    private static async Task InsertBookmarksAsync(RecordSession session, WorkflowSql s, IReadOnlyList<BookmarkRow> bookmarks, DateTime now, CancellationToken ct)
    {
        foreach (var chunk in bookmarks.Chunk(RowsPerStatement))
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
