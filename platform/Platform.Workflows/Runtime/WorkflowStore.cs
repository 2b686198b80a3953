using Platform.Runtime;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using static Platform.Workflows.Runtime.WorkflowTables;

namespace Platform.Workflows.Runtime;

/// <summary>
/// The statements on a tenant's instances, bookmarks, journal and incidents. A step's writes go through the session
/// of its unit of work (<see cref="SaveStepAsync"/>), so state, bookmarks and journal commit with the step's record writes.
/// </summary>
public static class WorkflowStore
{
    private static readonly string[] InstanceColumns = ["id", "workflow_id", "version", "status", "entity", "record_id", "state", "created_at", "updated_at", "finished_at"];

    /// <summary>Inserts a new instance leased to <paramref name="owner"/>; false when its start key was used already (a repeated trigger).</summary>
    public static async Task<bool> InsertInstanceAsync(
        RecordSession session, TenantDatabase database, InstanceRow row, string? startKey, string owner, DateTime leaseUntil, IReadOnlyList<JournalEntry> journal, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using (var command = session.Command(
            $"INSERT INTO {s.T(Instances)} ({s.Columns([.. InstanceColumns, "start_key", "lease_owner", "lease_until"])}) " +
            "VALUES (@id, @w, @v, @s, @e, @r, @state, @c, @u, NULL, @k, @o, @l) ON CONFLICT DO NOTHING"))
        {
            s.Add(command, "@id", Instances, "id", row.Id);
            s.Add(command, "@w", Instances, "workflow_id", row.WorkflowId);
            s.Add(command, "@v", Instances, "version", row.Version);
            s.Add(command, "@s", Instances, "status", row.Status);
            s.Add(command, "@e", Instances, "entity", row.Entity);
            s.Add(command, "@r", Instances, "record_id", row.RecordId);
            s.Add(command, "@state", Instances, "state", row.State);
            s.Add(command, "@c", Instances, "created_at", row.CreatedAt);
            s.Add(command, "@u", Instances, "updated_at", row.UpdatedAt);
            s.Add(command, "@k", Instances, "start_key", startKey);
            s.Add(command, "@o", Instances, "lease_owner", owner);
            s.Add(command, "@l", Instances, "lease_until", leaseUntil);
            if (await command.ExecuteNonQueryAsync(ct) == 0) return false;
        }
        await InsertJournalAsync(session, database, row.Id, journal, ct);
        return true;
    }

    /// <summary>Takes the instance's lease unless another host holds an unexpired one (a conditional update, so two hosts never both win).</summary>
    public static async Task<bool> TryLeaseAsync(TenantRuntime runtime, Guid id, string owner, DateTime now, DateTime until, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        int taken;
        await using (var command = session.Command(
            $"UPDATE {s.T(Instances)} SET {s.Q("lease_owner")} = @o, {s.Q("lease_until")} = @until WHERE {s.Q("id")} = @id " +
            $"AND ({s.Q("lease_owner")} IS NULL OR {s.Q("lease_owner")} = @o OR {s.Q("lease_until")} < @now)"))
        {
            s.Add(command, "@o", Instances, "lease_owner", owner);
            s.Add(command, "@until", Instances, "lease_until", until);
            s.Add(command, "@now", Instances, "lease_until", now);
            s.Add(command, "@id", Instances, "id", id);
            taken = await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return taken == 1;
    }

    public static async Task ReleaseLeaseAsync(TenantRuntime runtime, Guid id, string owner, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await using (var command = session.Command(
            $"UPDATE {s.T(Instances)} SET {s.Q("lease_owner")} = NULL, {s.Q("lease_until")} = NULL WHERE {s.Q("id")} = @id AND {s.Q("lease_owner")} = @o"))
        {
            s.Add(command, "@o", Instances, "lease_owner", owner);
            s.Add(command, "@id", Instances, "id", id);
            await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
    }

    public static async Task<InstanceRow?> FindInstanceAsync(TenantRuntime runtime, Guid id, CancellationToken ct) =>
        (await ListInstancesAsync(runtime, new InstanceFilter { Id = id }, ct)).SingleOrDefault();

    public static async Task<IReadOnlyList<InstanceRow>> ListInstancesAsync(TenantRuntime runtime, InstanceFilter filter, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command("");
        var where = new List<string>();
        if (filter.Id is { } id) { where.Add($"{s.Q("id")} = @id"); s.Add(command, "@id", Instances, "id", id); }
        if (filter.WorkflowId is { } workflow) { where.Add($"{s.Q("workflow_id")} = @w"); s.Add(command, "@w", Instances, "workflow_id", workflow); }
        if (filter.RecordId is { } record) { where.Add($"{s.Q("record_id")} = @r"); s.Add(command, "@r", Instances, "record_id", record); }
        if (filter.Status is { } status) { where.Add($"{s.Q("status")} = @s"); s.Add(command, "@s", Instances, "status", status); }
        command.CommandText = $"SELECT {s.Columns(InstanceColumns)} FROM {s.T(Instances)}" +
                              (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
                              $" ORDER BY {s.Q("created_at")} DESC, {s.Q("id")} LIMIT {Math.Clamp(filter.Top, 1, 1000)}";
        var rows = new List<InstanceRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new InstanceRow(
                s.Read<Guid>(reader, 0, Instances, "id"), s.Read<string>(reader, 1, Instances, "workflow_id")!, s.Read<long>(reader, 2, Instances, "version"),
                s.Read<string>(reader, 3, Instances, "status")!, s.Read<string>(reader, 4, Instances, "entity"), s.Read<Guid?>(reader, 5, Instances, "record_id"),
                s.Read<string>(reader, 6, Instances, "state")!, s.Read<DateTime>(reader, 7, Instances, "created_at"),
                s.Read<DateTime>(reader, 8, Instances, "updated_at"), s.Read<DateTime?>(reader, 9, Instances, "finished_at")));
        return rows;
    }

    /// <summary>
    /// Writes a step: the instance's status and state (its lease kept while it runs on, released when it stops), the
    /// bookmarks it created and deleted, its journal entries and incident.
    /// </summary>
    public static async Task SaveStepAsync(
        RecordSession session, TenantDatabase database, Guid id, string status, InstanceState state, DateTime now, DateTime? leaseUntil, StepChanges changes, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using (var command = session.Command(
            $"UPDATE {s.T(Instances)} SET {s.Q("status")} = @s, {s.Q("state")} = @state, {s.Q("updated_at")} = @u, {s.Q("finished_at")} = @f" +
            (leaseUntil is null ? $", {s.Q("lease_owner")} = NULL, {s.Q("lease_until")} = NULL" : $", {s.Q("lease_until")} = @l") +
            $" WHERE {s.Q("id")} = @id"))
        {
            s.Add(command, "@s", Instances, "status", status);
            s.Add(command, "@state", Instances, "state", state.Serialize());
            s.Add(command, "@u", Instances, "updated_at", now);
            s.Add(command, "@f", Instances, "finished_at", WorkflowStatus.IsEnded(status) ? now : null);
            if (leaseUntil is not null) s.Add(command, "@l", Instances, "lease_until", leaseUntil);
            s.Add(command, "@id", Instances, "id", id);
            await command.ExecuteNonQueryAsync(ct);
        }
        foreach (var bookmark in changes.DeletedBookmarks)
        {
            await using var command = session.Command($"DELETE FROM {s.T(Bookmarks)} WHERE {s.Q("id")} = @id");
            s.Add(command, "@id", Bookmarks, "id", bookmark);
            await command.ExecuteNonQueryAsync(ct);
        }
        foreach (var activity in changes.ClearedActivities.Distinct())
        {
            await using var command = session.Command($"DELETE FROM {s.T(Bookmarks)} WHERE {s.Q("instance_id")} = @i AND {s.Q("activity_id")} = @a");
            s.Add(command, "@i", Bookmarks, "instance_id", id);
            s.Add(command, "@a", Bookmarks, "activity_id", activity);
            await command.ExecuteNonQueryAsync(ct);
        }
        foreach (var bookmark in changes.CreatedBookmarks)
        {
            await using var command = session.Command(
                $"INSERT INTO {s.T(Bookmarks)} ({s.Columns("id", "instance_id", "activity_id", "name", "due_at", "created_at")}) VALUES (@id, @i, @a, @n, @d, @c)");
            s.Add(command, "@id", Bookmarks, "id", bookmark.Id);
            s.Add(command, "@i", Bookmarks, "instance_id", bookmark.InstanceId);
            s.Add(command, "@a", Bookmarks, "activity_id", bookmark.ActivityId);
            s.Add(command, "@n", Bookmarks, "name", bookmark.Name);
            s.Add(command, "@d", Bookmarks, "due_at", bookmark.DueAt);
            s.Add(command, "@c", Bookmarks, "created_at", now);
            await command.ExecuteNonQueryAsync(ct);
        }
        if (changes.ResolveIncidents is { } resolution)
        {
            await using var command = session.Command(
                $"UPDATE {s.T(Incidents)} SET {s.Q("resolved_at")} = @t, {s.Q("resolution")} = @r WHERE {s.Q("instance_id")} = @id AND {s.Q("resolved_at")} IS NULL");
            s.Add(command, "@t", Incidents, "resolved_at", now);
            s.Add(command, "@r", Incidents, "resolution", resolution);
            s.Add(command, "@id", Incidents, "instance_id", id);
            await command.ExecuteNonQueryAsync(ct);
        }
        if (changes.Incident is { } incident)
        {
            await using var command = session.Command(
                $"INSERT INTO {s.T(Incidents)} ({s.Columns("id", "instance_id", "activity_id", "error", "created_at")}) VALUES (@id, @i, @a, @e, @c)");
            s.Add(command, "@id", Incidents, "id", incident.Id);
            s.Add(command, "@i", Incidents, "instance_id", id);
            s.Add(command, "@a", Incidents, "activity_id", incident.ActivityId);
            s.Add(command, "@e", Incidents, "error", incident.Error);
            s.Add(command, "@c", Incidents, "created_at", incident.CreatedAt);
            await command.ExecuteNonQueryAsync(ct);
        }
        await InsertJournalAsync(session, database, id, changes.Journal, ct);
    }

    /// <summary>Consumes a bookmark: one atomic DELETE … RETURNING, so of two stimuli for it only one gets its activity id.</summary>
    public static async Task<string?> BurnBookmarkAsync(RecordSession session, TenantDatabase database, Guid bookmarkId, Guid instanceId, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using var command = session.Command(
            $"DELETE FROM {s.T(Bookmarks)} WHERE {s.Q("id")} = @id AND {s.Q("instance_id")} = @i RETURNING {s.Q("activity_id")}");
        s.Add(command, "@id", Bookmarks, "id", bookmarkId);
        s.Add(command, "@i", Bookmarks, "instance_id", instanceId);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due timers not leased by another host, leasing them until
    /// <paramref name="until"/>; <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL so hosts never claim the same timer.
    /// </summary>
    public static async Task<IReadOnlyList<BookmarkRow>> ClaimDueTimersAsync(TenantRuntime runtime, DateTime now, DateTime until, int limit, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        var skipLocked = s.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        var claimed = new List<BookmarkRow>();
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await using (var command = session.Command(
            $"UPDATE {s.T(Bookmarks)} SET {s.Q("lease_until")} = @until WHERE {s.Q("id")} IN (" +
            $"SELECT {s.Q("id")} FROM {s.T(Bookmarks)} WHERE {s.Q("due_at")} <= @now AND ({s.Q("lease_until")} IS NULL OR {s.Q("lease_until")} < @now) AND {NotOfFaultedInstance(s)} " +
            $"ORDER BY {s.Q("due_at")} LIMIT {limit}{skipLocked}) RETURNING {s.Columns("id", "instance_id", "activity_id", "name", "due_at")}"))
        {
            s.Add(command, "@until", Bookmarks, "lease_until", until);
            s.Add(command, "@now", Bookmarks, "due_at", now);
            s.Add(command, "@faulted", Instances, "status", WorkflowStatus.Faulted);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                claimed.Add(new BookmarkRow(s.Read<Guid>(reader, 0, Bookmarks, "id"), s.Read<Guid>(reader, 1, Bookmarks, "instance_id"),
                    s.Read<string>(reader, 2, Bookmarks, "activity_id")!, s.Read<string>(reader, 3, Bookmarks, "name")!, s.Read<DateTime?>(reader, 4, Bookmarks, "due_at")));
        }
        await session.CommitAsync(ct);
        return claimed;
    }

    /// <summary>
    /// Leaves out the timers of faulted instances (a fault keeps the instance's timers for a retry, which makes them
    /// count again): otherwise they would stay due for ever at the head of every take, and enough of them would keep the
    /// timers behind them from ever firing. Expects the status as <c>@faulted</c>.
    /// </summary>
    internal static string NotOfFaultedInstance(WorkflowSql s) =>
        $"NOT EXISTS (SELECT 1 FROM {s.T(Instances)} WHERE {s.T(Instances)}.{s.Q("id")} = {s.T(Bookmarks)}.{s.Q("instance_id")} AND {s.T(Instances)}.{s.Q("status")} = @faulted)";

    /// <summary>Running instances whose lease ran out: their host stopped mid-run (or before the first step); another host continues them.</summary>
    public static async Task<IReadOnlyList<Guid>> AbandonedAsync(TenantRuntime runtime, DateTime now, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT {s.Q("id")} FROM {s.T(Instances)} WHERE {s.Q("status")} = @s AND ({s.Q("lease_until")} IS NULL OR {s.Q("lease_until")} < @now) LIMIT 50");
        s.Add(command, "@s", Instances, "status", WorkflowStatus.Running);
        s.Add(command, "@now", Instances, "lease_until", now);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(s.Read<Guid>(reader, 0, Instances, "id"));
        return ids;
    }

    /// <summary>Drops the claims on an instance's timers, so a timer whose resume faulted fires again after a retry.</summary>
    public static async Task ReleaseTimersAsync(RecordSession session, TenantDatabase database, Guid instanceId, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using var command = session.Command($"UPDATE {s.T(Bookmarks)} SET {s.Q("lease_until")} = NULL WHERE {s.Q("instance_id")} = @i");
        s.Add(command, "@i", Bookmarks, "instance_id", instanceId);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<IReadOnlyList<Guid>> BookmarksOfAsync(RecordSession session, TenantDatabase database, Guid instanceId, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using var command = session.Command($"SELECT {s.Q("id")} FROM {s.T(Bookmarks)} WHERE {s.Q("instance_id")} = @i");
        s.Add(command, "@i", Bookmarks, "instance_id", instanceId);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(s.Read<Guid>(reader, 0, Bookmarks, "id"));
        return ids;
    }

    public static async Task<IReadOnlyList<JournalEntry>> JournalAsync(TenantRuntime runtime, Guid instanceId, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT {s.Columns("sequence", "activity_id", "activity_type", "event", "outcome", "summary", "at")} FROM {s.T(Journal)} " +
            $"WHERE {s.Q("instance_id")} = @i ORDER BY {s.Q("sequence")}");
        s.Add(command, "@i", Journal, "instance_id", instanceId);
        var entries = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            entries.AddRange(JournalRows.Expand(new JournalEntry(s.Read<long>(reader, 0, Journal, "sequence"), s.Read<string>(reader, 1, Journal, "activity_id"),
                s.Read<string>(reader, 2, Journal, "activity_type"), s.Read<string>(reader, 3, Journal, "event")!, s.Read<string>(reader, 4, Journal, "outcome"),
                s.Read<string>(reader, 5, Journal, "summary"), s.Read<DateTime>(reader, 6, Journal, "at"))));
        return entries;
    }

    public static async Task<IReadOnlyList<IncidentRow>> IncidentsAsync(TenantRuntime runtime, Guid instanceId, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        await using var command = session.Command(
            $"SELECT {s.Columns("id", "activity_id", "error", "created_at", "resolved_at", "resolution")} FROM {s.T(Incidents)} " +
            $"WHERE {s.Q("instance_id")} = @i ORDER BY {s.Q("created_at")}");
        s.Add(command, "@i", Incidents, "instance_id", instanceId);
        var incidents = new List<IncidentRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            incidents.Add(new IncidentRow(s.Read<Guid>(reader, 0, Incidents, "id"), instanceId, s.Read<string>(reader, 1, Incidents, "activity_id")!,
                s.Read<string>(reader, 2, Incidents, "error")!, s.Read<DateTime>(reader, 3, Incidents, "created_at"),
                s.Read<DateTime?>(reader, 4, Incidents, "resolved_at"), s.Read<string>(reader, 5, Incidents, "resolution")));
        return incidents;
    }

    /// <summary>A step's journal entries in one multi-row INSERT, through the one journal writer.</summary>
    private static async Task InsertJournalAsync(RecordSession session, TenantDatabase database, Guid instanceId, IReadOnlyList<JournalEntry> journal, CancellationToken ct)
    {
        if (journal.Count == 0) return;
        await WorkflowStartBatchStore.InsertJournalAsync(session, database, journal.Select(entry => (instanceId, entry)).ToList(), ct);
    }
}

public sealed record InstanceFilter
{
    public Guid? Id { get; init; }
    public string? WorkflowId { get; init; }
    public Guid? RecordId { get; init; }
    public string? Status { get; init; }
    public int Top { get; init; } = 100;
}
