using System.Data.Common;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>An open connection to a tenant database, with a transaction when writing.</summary>
public sealed class RecordSession : IAsyncDisposable
{
    private readonly IDisposable? _writeTurn;
    private readonly CancellationTokenRegistration _interrupt;

    private RecordSession(DbConnection connection, DbTransaction? transaction, IDisposable? writeTurn, CancellationTokenRegistration interrupt)
    {
        Connection = connection;
        Transaction = transaction;
        _writeTurn = writeTurn;
        _interrupt = interrupt;
    }

    public DbConnection Connection { get; }
    public DbTransaction? Transaction { get; }

    public static async Task<RecordSession> OpenAsync(TenantDatabase database, bool write, CancellationToken ct)
    {
        var writeTurn = write ? await SqliteWriteGate.EnterAsync(database, ct) : null;
        DbConnection? connection = null;
        try
        {
            connection = await TenantConnections.OpenAsync(database, ct);
            // Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock is taken up front, so two
            // writers never deadlock upgrading a read lock.
            var transaction = write ? await connection.BeginTransactionAsync(ct) : null;
            if (write) StatementCount.WriteTransaction();
            // A read stops when its caller goes away (a list's exact count, an export); writes finish or fail on their own.
            return new RecordSession(connection, transaction, writeTurn, write ? default : SqliteInterrupt.Register(connection, ct));
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            writeTurn?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A session over a connection and transaction someone else opened and will end (a schema apply writing its audit
    /// entries): not to be committed or disposed by the caller.
    /// </summary>
    internal static RecordSession Over(DbConnection connection, DbTransaction transaction) => new(connection, transaction, null, default);

    public DbCommand Command(string sql) => Connection.CreateCommand(sql, Transaction);

    public async Task CommitAsync(CancellationToken ct)
    {
        if (Transaction is not null) await Transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Before the connection goes back to the pool, where an interrupt would hit someone else's statement.
            await _interrupt.DisposeAsync();
            if (Transaction is not null) await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            _writeTurn?.Dispose();
        }
    }
}
