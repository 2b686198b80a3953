using Platform.Metadata.FieldTypes;
using System.Data;
using System.Data.Common;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Messaging;

/// <summary>Parameters and values of the messaging tables in each provider's storage form.</summary>
internal static class MessagingSql
{
    public static void Add(DbCommand command, string name, TableModel table, string column, object? value, DatabaseProvider provider)
    {
        var model = table.Column(column);
        // PostgreSQL types a null parameter as text unless told; a text null does not go into a uuid or timestamptz column.
        DbType? type = value is null && provider == DatabaseProvider.Postgres ? ColumnValueCodec.NullParameterType(model) : null;
        command.AddParameter(name, ColumnValueCodec.ToDb(model, value, provider), type);
    }

    public static object? Read(DbDataReader reader, int ordinal, TableModel table, string column, DatabaseProvider provider) =>
        ColumnValueCodec.Read(reader, ordinal, table.Column(column), provider);

    /// <summary>Runs <paramref name="work"/> in the caller's session, or in a write session of its own that it commits.</summary>
    public static async Task<T> InSessionAsync<T>(RecordStore store, RecordSession? session, Func<RecordSession, Task<T>> work, CancellationToken ct)
    {
        if (session is not null) return await work(session);
        await using var own = await store.OpenAsync(write: true, ct);
        var result = await work(own);
        await own.CommitAsync(ct);
        return result;
    }
}
