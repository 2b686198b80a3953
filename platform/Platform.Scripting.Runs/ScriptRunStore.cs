using System.Text.Json;
using Platform.Scripting;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Scripting.Runs;

/// <summary>Rows of platform_script_runs: appended in batches, pruned to the last runs of each script, read by admins.</summary>
public static class ScriptRunStore
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>
    /// Appends the reports through the record store's batched insert (one prepared statement on SQLite, multi-row
    /// INSERTs or COPY on PostgreSQL): a flush after a bulk request writes its hundred kept runs in one round trip, not a
    /// hundred. Then trims each script to its newest <paramref name="keepPerScript"/> runs.
    /// </summary>
    public static async Task AppendAsync(RecordSession session, RecordStore store, IReadOnlyList<ScriptRunReport> reports, int keepPerScript, CancellationToken ct)
    {
        var database = store.Database;
        var d = database.Dialect;
        var table = d.Table(ScriptRunTables.ScriptRuns, database.Schema);
        var rows = new List<IReadOnlyDictionary<string, object?>>(reports.Count);
        foreach (var report in reports)
            rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = RunId(report),
                ["script"] = report.Script,
                ["hash"] = report.Hash,
                ["started_at_ms"] = report.StartedAt.ToUnixTimeMilliseconds(),
                ["elapsed_us"] = report.Usage.Elapsed.Ticks / 10,
                ["statements"] = report.Usage.Statements,
                ["crm_queries"] = (long)report.Usage.CrmQueries,
                ["crm_writes"] = (long)report.Usage.CrmWrites,
                ["allocated_bytes"] = report.Usage.AllocatedBytes,
                ["limits"] = JsonSerializer.Serialize(ScriptLimitsView.Of(report.Limits), Json),
                ["error"] = report.Error is null ? null : JsonSerializer.Serialize(report.Error, Json),
                ["logs"] = report.Logs.Count == 0 ? null : JsonSerializer.Serialize(report.Logs, Json),
            });
        await store.InsertAsync(session, ScriptRunTables.ScriptRuns, rows, ct);
        // Keep the newest runs of each script (ids sort by start time).
        var prune = $"DELETE FROM {table} WHERE {d.Quote("script")} = @p0 AND {d.Quote("id")} NOT IN " +
                    $"(SELECT {d.Quote("id")} FROM {table} WHERE {d.Quote("script")} = @p0 ORDER BY {d.Quote("id")} DESC{d.Page(keepPerScript, null)})";
        foreach (var script in reports.Select(r => r.Script).Distinct(StringComparer.Ordinal))
        {
            await using var command = session.Command(prune);
            command.AddParameter("@p0", script);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static long _sequence;

    /// <summary>Start time in ticks, then a sequence number, so runs in the same tick keep the order they were queued in.</summary>
    private static string RunId(ScriptRunReport report) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{report.StartedAt.UtcTicks:D19}-{Interlocked.Increment(ref _sequence) % 1_000_000:D6}");

    /// <summary>The newest runs, of one script or of all, newest first.</summary>
    public static async Task<IReadOnlyList<ScriptRunRow>> ReadAsync(RecordSession session, TenantDatabase database, string? script, int top, CancellationToken ct)
    {
        var d = database.Dialect;
        var sql = $"SELECT {d.Quote("id")}, {d.Quote("script")}, {d.Quote("hash")}, {d.Quote("started_at_ms")}, {d.Quote("elapsed_us")}, " +
                  $"{d.Quote("statements")}, {d.Quote("crm_queries")}, {d.Quote("crm_writes")}, {d.Quote("allocated_bytes")}, {d.Quote("limits")}, " +
                  $"{d.Quote("error")}, {d.Quote("logs")} FROM {d.Table(ScriptRunTables.ScriptRuns, database.Schema)}" +
                  (script is null ? "" : $" WHERE {d.Quote("script")} = @p0") + $" ORDER BY {d.Quote("id")} DESC" + d.Page(top, null);
        await using var command = session.Command(sql);
        if (script is not null) command.AddParameter("@p0", script);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ScriptRunRow>();
        while (await reader.ReadAsync(ct))
        {
            var error = reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<ScriptError>(reader.GetString(10), Json);
            rows.Add(new ScriptRunRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), error is null,
                new ScriptRunUsage(reader.GetInt64(4) / 1000.0, reader.GetInt64(5), (int)reader.GetInt64(6), (int)reader.GetInt64(7), reader.GetInt64(8)),
                JsonSerializer.Deserialize<ScriptLimitsView>(reader.GetString(9), Json)!, error,
                reader.IsDBNull(11) ? [] : JsonSerializer.Deserialize<List<ScriptLogEntry>>(reader.GetString(11), Json)!));
        }
        return rows;
    }

    /// <summary>Per-script figures over the kept runs.</summary>
    public static async Task<IReadOnlyList<ScriptRunSummary>> SummarizeAsync(RecordSession session, TenantDatabase database, CancellationToken ct)
    {
        var d = database.Dialect;
        string Q(string c) => d.Quote(c);
        var sql = $"SELECT {Q("script")}, COUNT(*), SUM(CASE WHEN {Q("error")} IS NULL THEN 0 ELSE 1 END), MAX({Q("started_at_ms")}), " +
                  $"AVG({Q("elapsed_us")}), MAX({Q("elapsed_us")}), MAX({Q("statements")}), MAX({Q("allocated_bytes")}), MAX({Q("crm_queries")}), MAX({Q("crm_writes")}) " +
                  $"FROM {d.Table(ScriptRunTables.ScriptRuns, database.Schema)} GROUP BY {Q("script")} ORDER BY {Q("script")}";
        await using var command = session.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ScriptRunSummary>();
        while (await reader.ReadAsync(ct))
            rows.Add(new ScriptRunSummary(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(3))), Convert.ToDouble(reader.GetValue(4)) / 1000.0,
                Convert.ToInt64(reader.GetValue(5)) / 1000.0, Convert.ToInt64(reader.GetValue(6)), Convert.ToInt64(reader.GetValue(7)),
                Convert.ToInt32(reader.GetValue(8)), Convert.ToInt32(reader.GetValue(9))));
        return rows;
    }
}
