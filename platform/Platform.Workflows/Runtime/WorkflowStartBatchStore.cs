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
            var rows = new List<string>(chunk.Length);
            for (var n = 0; n < chunk.Length; n++)
            {
                var (row, startKey, owner, leaseUntil) = chunk[n];
                rows.Add($"(@id{n}, @w{n}, @v{n}, @s{n}, @e{n}, @r{n}, @st{n}, @c{n}, @u{n}, @f{n}, @k{n}, @o{n}, @l{n})");
                s.Add(command, $"@id{n}", Instances, "id", row.Id);
                s.Add(command, $"@w{n}", Instances, "workflow_id", row.WorkflowId);
                s.Add(command, $"@v{n}", Instances, "version", row.Version);
                s.Add(command, $"@s{n}", Instances, "status", row.Status);
                s.Add(command, $"@e{n}", Instances, "entity", row.Entity);
                s.Add(command, $"@r{n}", Instances, "record_id", row.RecordId);
                s.Add(command, $"@st{n}", Instances, "state", row.State);
                s.Add(command, $"@c{n}", Instances, "created_at", row.CreatedAt);
                s.Add(command, $"@u{n}", Instances, "updated_at", row.UpdatedAt);
                s.Add(command, $"@f{n}", Instances, "finished_at", row.FinishedAt);
                s.Add(command, $"@k{n}", Instances, "start_key", startKey);
                s.Add(command, $"@o{n}", Instances, "lease_owner", owner);
                s.Add(command, $"@l{n}", Instances, "lease_until", leaseUntil);
            }
            command.CommandText =
                $"INSERT INTO {s.T(Instances)} ({s.Columns("id", "workflow_id", "version", "status", "entity", "record_id", "state", "created_at", "updated_at", "finished_at", "start_key", "lease_owner", "lease_until")}) " +
                $"VALUES {string.Join(", ", rows)} ON CONFLICT DO NOTHING RETURNING {s.Q("id")}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) inserted.Add(s.Read<Guid>(reader, 0, Instances, "id"));
        }
        return inserted;
    }

    /// <summary>Appends journal entries of many instances.</summary>
    public static async Task InsertJournalAsync(
        RecordSession session, TenantDatabase database, IReadOnlyList<(Guid Instance, JournalEntry Entry)> journal, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        foreach (var chunk in journal.Chunk(JournalRowsPerStatement))
        {
            await using var command = session.Command("");
            var rows = new List<string>(chunk.Length);
            for (var n = 0; n < chunk.Length; n++)
            {
                var (instance, entry) = chunk[n];
                rows.Add($"(@id{n}, @i{n}, @q{n}, @a{n}, @t{n}, @e{n}, @o{n}, @s{n}, @at{n})");
                s.Add(command, $"@id{n}", Journal, "id", Guid.NewGuid());
                s.Add(command, $"@i{n}", Journal, "instance_id", instance);
                s.Add(command, $"@q{n}", Journal, "sequence", entry.Sequence);
                s.Add(command, $"@a{n}", Journal, "activity_id", entry.ActivityId);
                s.Add(command, $"@t{n}", Journal, "activity_type", entry.ActivityType);
                s.Add(command, $"@e{n}", Journal, "event", entry.Event);
                s.Add(command, $"@o{n}", Journal, "outcome", entry.Outcome);
                s.Add(command, $"@s{n}", Journal, "summary", entry.Summary);
                s.Add(command, $"@at{n}", Journal, "at", entry.At);
            }
            command.CommandText = $"INSERT INTO {s.T(Journal)} ({s.Columns("id", "instance_id", "sequence", "activity_id", "activity_type", "event", "outcome", "summary", "at")}) " +
                                  "VALUES " + string.Join(", ", rows);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>A new instance's row with its start key and lease (owner and expiry null once it ended).</summary>
internal sealed record NewInstanceRow(InstanceRow Row, string? StartKey, string? LeaseOwner, DateTime? LeaseUntil);
