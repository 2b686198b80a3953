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

    public static async Task AppendAsync(RecordSession session, TenantDatabase database, IReadOnlyList<ScriptRunReport> reports, int keepPerScript, CancellationToken ct)
    {
        var d = database.Dialect;
        var table = d.Table(ScriptRunTables.ScriptRuns, database.Schema);
        var columns = new[] { "id", "script", "hash", "started_at_ms", "elapsed_us", "statements", "crm_queries", "crm_writes", "allocated_bytes", "limits", "error", "logs" };
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(d.Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        foreach (var report in reports)
        {
            await using var command = session.Command(insert);
            object?[] values =
            [
                RunId(report), report.Script, report.Hash, report.StartedAt.ToUnixTimeMilliseconds(),
                (long)(report.Usage.Elapsed.Ticks / 10), report.Usage.Statements, (long)report.Usage.CrmQueries, (long)report.Usage.CrmWrites,
                report.Usage.AllocatedBytes, JsonSerializer.Serialize(ScriptLimitsView.Of(report.Limits), Json),
                report.Error is null ? null : JsonSerializer.Serialize(report.Error, Json),
                report.Logs.Count == 0 ? null : JsonSerializer.Serialize(report.Logs, Json),
            ];
            for (var i = 0; i < values.Length; i++) command.AddParameter("@p" + i, values[i]);
            await command.ExecuteNonQueryAsync(ct);
        }
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
