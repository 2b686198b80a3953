using System.Data.Common;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Identity.Storage;

/// <summary>Reads and binds columns of a platform table through the same codec as record columns, so every provider agrees.</summary>
internal sealed class PlatformRows(TenantDatabase database, TableModel table)
{
    public TenantDatabase Database { get; } = database;

    public string Table => Database.Dialect.Table(table.Name, Database.Schema);

    public string Q(string column) => Database.Dialect.Quote(table.Column(column).Name);

    public string SelectList => string.Join(", ", table.Columns.Select(c => Database.Dialect.Quote(c.Name)));

    public void Bind(DbCommand command, string parameter, string column, object? value)
    {
        var stored = ColumnValueCodec.ToDb(table.Column(column), value, Database.Provider);
        var added = command.AddParameter(parameter, stored);
        // An untyped null lets PostgreSQL infer the column's type (a text-typed null does not convert to uuid).
        if (stored is null) added.ResetDbType();
    }

    public T? Get<T>(DbDataReader reader, string column) =>
        (T?)ColumnValueCodec.Read(reader, reader.GetOrdinal(column), table.Column(column), Database.Provider);

    public async Task<DbConnection> OpenAsync(CancellationToken ct) => await TenantConnections.OpenAsync(Database, ct);
}
