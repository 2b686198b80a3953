using Platform.Metadata.FieldTypes;
using System.Data;
using System.Data.Common;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Workflows.Runtime;

/// <summary>Quoting, parameters and reads for the workflow tables on one tenant database (values through the column codec).</summary>
internal sealed class WorkflowSql(TenantDatabase database)
{
    private static readonly Dictionary<string, TableModel> Tables = WorkflowTables.Instance.Tables.Concat(Approvals.ApprovalTables.Instance.Tables).ToDictionary(t => t.Name);

    public DatabaseProvider Provider => database.Provider;

    public string T(string table) => database.Dialect.Table(table, database.Schema);

    public string Q(string column) => database.Dialect.Quote(column);

    public string Columns(params string[] columns) => string.Join(", ", columns.Select(Q));

    /// <summary>A parameter for a column's value; a null gets the column's type (PostgreSQL will not compare an untyped null with a uuid).</summary>
    public void Add(DbCommand command, string name, string table, string column, object? value)
    {
        var model = Tables[table].Column(column);
        var stored = ColumnValueCodec.ToDb(model, value, database.Provider);
        if (stored is not null || database.Provider == DatabaseProvider.Sqlite)
        {
            command.AddParameter(name, stored);
            return;
        }
        command.AddParameter(name, null, ColumnValueCodec.NullParameterType(model));
    }

    /// <summary>A column's value as this provider stores it.</summary>
    public object? ToDb(string table, string column, object? value) => ColumnValueCodec.ToDb(Tables[table].Column(column), value, database.Provider);

    public T? Read<T>(DbDataReader reader, int ordinal, string table, string column) =>
        (T?)ColumnValueCodec.Read(reader, ordinal, Tables[table].Column(column), database.Provider);
}
