using Platform.Metadata.Definitions;
using System.Globalization;
using System.Text;
using Npgsql;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>
/// Inserts many rows into a PostgreSQL table with <c>COPY … FROM STDIN</c> in text format, in the session's
/// transaction. A multi-row INSERT of 500 rows is a statement of thousands of parameters that PostgreSQL parses and
/// plans each time; COPY streams the rows. Text format keeps PostgreSQL's own input parsing per column type, so a value
/// is taken or refused exactly as the same literal in an INSERT would be; constraint violations raise the same errors.
/// </summary>
internal static class PostgresCopyWriter
{
    /// <summary>Below this many rows a plain INSERT costs less than opening a COPY.</summary>
    public const int MinRows = 50;

    public static async Task WriteAsync(
        RecordSession session, string table, IReadOnlyList<ColumnModel> columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows,
        TenantFieldCipher? cipher, string entity, SqlDialect dialect, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)session.Connection;
        var copy = $"COPY {table} ({string.Join(", ", columns.Select(c => dialect.Quote(c.Name)))}) FROM STDIN";
        await using var writer = await connection.BeginTextImportAsync(copy, ct);
        var line = new StringBuilder(256);
        foreach (var row in rows)
        {
            line.Clear();
            var id = row.GetValueOrDefault(SystemFields.Id) is Guid rowId ? rowId : Guid.Empty;
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0) line.Append('\t');
                Append(line, ColumnValueCodec.ToDb(columns[c], row.GetValueOrDefault(columns[c].Name), DatabaseProvider.Postgres, cipher, entity, id));
            }
            line.Append('\n');
            await writer.WriteAsync(line, ct);
        }
    }

    private static void Append(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null: line.Append("\\N"); break;
            case string s: Escape(line, s); break;
            case bool b: line.Append(b ? 't' : 'f'); break;
            case Guid g: line.Append(g.ToString("D")); break;
            case DateTime dt: line.Append(dt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append("+00"); break;
            case DateTimeOffset dto: line.Append(dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append("+00"); break;
            case DateOnly d: line.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly t: line.Append(t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture)); break;
            case double x: line.Append(double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity"); break;
            case float x: Append(line, (double)x); break;
            case byte[] bytes: line.Append("\\\\x").Append(Convert.ToHexString(bytes)); break;
            case IFormattable number: line.Append(number.ToString(null, CultureInfo.InvariantCulture)); break;
            default: Escape(line, value.ToString() ?? ""); break;
        }
    }

    /// <summary>COPY text format: backslash, tab, newline and carriage return are escaped; everything else is literal.</summary>
    private static void Escape(StringBuilder line, string text)
    {
        foreach (var ch in text)
            switch (ch)
            {
                case '\\': line.Append("\\\\"); break;
                case '\t': line.Append("\\t"); break;
                case '\n': line.Append("\\n"); break;
                case '\r': line.Append("\\r"); break;
                default: line.Append(ch); break;
            }
    }
}
