using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Workflows.Runtime;

/// <summary>
/// The rows of a multi-row INSERT, as the provider binds them best. PostgreSQL: <c>VALUES (@a0, …), (@a1, …)</c>.
/// SQLite: one JSON array parameter spread by <c>json_each</c> — SQLite finds each named parameter by a linear scan of
/// the statement's parameter names, so binding a VALUES list of n parameters costs O(n²): 87% of the journal insert's
/// CPU in a profile of the trigger benchmark (300 rows × 9 columns), all of it while the single writer was held.
/// </summary>
internal static class MultiRowSource
{
    /// <summary>
    /// Adds the rows' parameters to <paramref name="command"/> and returns the SQL that yields them, to follow
    /// <c>INSERT INTO t (columns)</c>. A row holds one value per column, in the column order of the INSERT.
    /// </summary>
    public static string Add(WorkflowSql s, DbCommand command, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        if (s.Provider == DatabaseProvider.Sqlite) return AddJson(s, command, table, columns, rows);
        var values = new StringBuilder("VALUES ");
        for (var n = 0; n < rows.Count; n++)
        {
            values.Append(n == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@c{c}r{n}";
                if (c > 0) values.Append(", ");
                values.Append(name);
                s.Add(command, name, table, columns[c], rows[n][c]);
            }
            values.Append(')');
        }
        return values.ToString();
    }

    private static string AddJson(WorkflowSql s, DbCommand command, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                for (var c = 0; c < columns.Count; c++) Write(writer, s.ToDb(table, columns[c], row[c]));
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        command.AddParameter("@rows", Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        // json_extract gives a JSON string as TEXT, an integer as INTEGER and null as NULL: what binding the value would store.
        // WHERE true: an upsert after INSERT … SELECT needs it, or SQLite reads ON CONFLICT as a join constraint.
        return "SELECT " + string.Join(", ", columns.Select((_, c) => string.Create(CultureInfo.InvariantCulture, $"json_extract(value, '$[{c}]')"))) +
               " FROM json_each(@rows) WHERE true";
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case long number: writer.WriteNumberValue(number); break;
            case int number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            default: throw new NotSupportedException($"A {value.GetType().Name} has no JSON form for a SQLite row source.");
        }
    }
}
