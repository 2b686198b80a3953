using System.Data.Common;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Workflows.Runtime;

/// <summary>Quoting, parameters and reads for the workflow tables on one tenant database (values through the column codec).</summary>
internal sealed class WorkflowSql(TenantDatabase database)
{
    private static readonly Dictionary<string, TableModel> Tables = WorkflowTables.Instance.Tables.ToDictionary(t => t.Name);

    public DatabaseProvider Provider => database.Provider;

    public string T(string table) => database.Dialect.Table(table, database.Schema);

    public string Q(string column) => database.Dialect.Quote(column);

    public string Columns(params string[] columns) => string.Join(", ", columns.Select(Q));

    public void Add(DbCommand command, string name, string table, string column, object? value) =>
        command.AddParameter(name, ColumnValueCodec.ToDb(Tables[table].Column(column), value, database.Provider));

    public T? Read<T>(DbDataReader reader, int ordinal, string table, string column) =>
        (T?)ColumnValueCodec.Read(reader, ordinal, Tables[table].Column(column), database.Provider);
}
