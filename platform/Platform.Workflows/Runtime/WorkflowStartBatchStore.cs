using Platform.Storage.Providers;
using Platform.Storage.Records;
using static Platform.Workflows.Runtime.WorkflowTables;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Multi-row statements for many new instances at once (a batch of triggered starts): the instance rows as their first
/// transaction leaves them, and their journals. A few statements per batch instead of four per instance.
/// </summary>
internal static class WorkflowStartBatchStore
{
    private const int InstancesPerStatement = 200;
    private const int JournalRowsPerStatement = 300;
    private static readonly string[] InstanceColumns =
        ["id", "workflow_id", "version", "status", "entity", "record_id", "state", "created_at", "updated_at", "finished_at", "start_key", "lease_owner", "lease_until"];
    private static readonly string[] JournalColumns = ["id", "instance_id", "sequence", "activity_id", "activity_type", "event", "outcome", "summary", "at"];

    /// <summary>
    /// Inserts the instances, each with its start key and lease (none for one that ended); returns the ids inserted —
    /// an instance whose start key was used before (a repeated trigger) is not.
    /// </summary>
    public static async Task<HashSet<Guid>> InsertInstancesAsync(
        RecordSession session, TenantDatabase database, IReadOnlyList<NewInstanceRow> instances, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        var inserted = new HashSet<Guid>();
        foreach (var chunk in instances.Chunk(InstancesPerStatement))
        {
            await using var command = session.Command("");
            var rows = chunk.Select(x => new object?[]
            {
                x.Row.Id, x.Row.WorkflowId, x.Row.Version, x.Row.Status, x.Row.Entity, x.Row.RecordId, x.Row.State,
                x.Row.CreatedAt, x.Row.UpdatedAt, x.Row.FinishedAt, x.StartKey, x.LeaseOwner, x.LeaseUntil,
            }).ToList();
            command.CommandText = $"INSERT INTO {s.T(Instances)} ({s.Columns(InstanceColumns)}) " +
                                  $"{MultiRowSource.Add(s, command, Instances, InstanceColumns, rows)} ON CONFLICT DO NOTHING RETURNING {s.Q("id")}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) inserted.Add(s.Read<Guid>(reader, 0, Instances, "id"));
        }
        return inserted;
    }

    /// <summary>
    /// Appends journal entries of many instances: the one writer of journal rows. A step's started and completed entries
    /// of the same instant are one row (<see cref="JournalRows"/>). Row ids are time-ordered (version 7), so the rows
    /// append to the primary key's B-tree instead of landing at random pages.
    /// </summary>
    public static async Task InsertJournalAsync(
        RecordSession session, TenantDatabase database, IReadOnlyList<(Guid Instance, JournalEntry Entry)> journal, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        foreach (var chunk in JournalRows.Merge(journal).Chunk(JournalRowsPerStatement))
        {
            await using var command = session.Command("");
            var rows = chunk.Select(x => new object?[]
            {
                Guid.CreateVersion7(), x.Instance, x.Entry.Sequence, x.Entry.ActivityId, x.Entry.ActivityType, x.Entry.Event, x.Entry.Outcome, x.Entry.Summary, x.Entry.At,
            }).ToList();
            command.CommandText = $"INSERT INTO {s.T(Journal)} ({s.Columns(JournalColumns)}) {MultiRowSource.Add(s, command, Journal, JournalColumns, rows)}";
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>A new instance's row with its start key and lease (owner and expiry null once it ended).</summary>
internal sealed record NewInstanceRow(InstanceRow Row, string? StartKey, string? LeaseOwner, DateTime? LeaseUntil);
