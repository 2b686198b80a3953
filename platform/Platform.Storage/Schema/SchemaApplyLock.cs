using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.SqlClient;
using Npgsql;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// What an apply does first inside its transaction: take the tenant's schema lock so concurrent applies run one after
/// the other, then bound how long DDL may wait for table locks held by user traffic.
/// </summary>
public static class SchemaApplyLock
{
    public static async Task AcquireAsync(TenantDatabase database, DbConnection connection, DbTransaction transaction, TimeSpan lockTimeout, CancellationToken ct)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                // Released at commit or rollback; taken before the lock timeout so a second apply queues rather than fails.
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@p0)", LockKey(database), ct);
                break;
            case DatabaseProvider.SqlServer:
                await ExecuteAsync(connection, transaction,
                    "EXEC sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1",
                    "platform-schema:" + database.Schema, ct);
                break;
            // SQLite: the transaction began with BEGIN IMMEDIATE and so already holds the database's only write lock.
        }
        if (database.Dialect.LockTimeoutSql(lockTimeout) is { } timeout) await ExecuteAsync(connection, transaction, timeout, null, ct);
    }

    /// <summary>SQL Server's LOCK_TIMEOUT outlives the transaction on a pooled connection; put the default back.</summary>
    public static async Task ReleaseAsync(TenantDatabase database, DbConnection connection, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.SqlServer) await ExecuteAsync(connection, null, "SET LOCK_TIMEOUT -1", null, ct);
    }

    /// <summary>True when a statement gave up waiting for a lock (PostgreSQL 55P03, SQL Server 1222).</summary>
    public static bool IsLockTimeout(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } => true,
        SqlException { Number: 1222 } => true,
        _ => exception.InnerException is { } inner && IsLockTimeout(inner),
    };

    /// <summary>One advisory lock key per tenant schema.</summary>
    public static long LockKey(TenantDatabase database) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("platform-schema:" + database.Schema)), 0);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, object? parameter, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(sql, transaction);
        if (parameter is not null) command.AddParameter("@p0", parameter);
        await command.ExecuteNonQueryAsync(ct);
    }
}
