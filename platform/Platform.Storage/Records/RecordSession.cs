using System.Data.Common;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>An open connection to a tenant database, with a transaction when writing.</summary>
public sealed class RecordSession : IAsyncDisposable
{
    private RecordSession(DbConnection connection, DbTransaction? transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public DbConnection Connection { get; }
    public DbTransaction? Transaction { get; }

    public static async Task<RecordSession> OpenAsync(TenantDatabase database, bool write, CancellationToken ct)
    {
        var connection = await TenantConnections.OpenAsync(database, ct);
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock is taken up front, so two
            // writers never deadlock upgrading a read lock.
            var transaction = write ? await connection.BeginTransactionAsync(ct) : null;
            return new RecordSession(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public DbCommand Command(string sql) => Connection.CreateCommand(sql, Transaction);

    public async Task CommitAsync(CancellationToken ct)
    {
        if (Transaction is not null) await Transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null) await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
