using System.Data.Common;
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
        // Released at commit or rollback; taken before the lock timeout so a second apply queues rather than fails. SQLite
        // takes none: the transaction began with BEGIN IMMEDIATE and so already holds the database's only write lock.
        if (database.Dialect.TransactionLock(LockResource(database)) is var (sql, resource)) await ExecuteAsync(connection, transaction, sql, resource, ct);
        if (database.Dialect.LockTimeoutSql(lockTimeout) is { } timeout) await ExecuteAsync(connection, transaction, timeout, null, ct);
    }

    /// <summary>Puts the lock timeout back where it outlives the transaction on a pooled connection (SQL Server).</summary>
    public static async Task ReleaseAsync(TenantDatabase database, DbConnection connection, CancellationToken ct)
    {
        if (database.Dialect.ResetLockTimeoutSql is { } reset) await ExecuteAsync(connection, null, reset, null, ct);
    }

    /// <summary>True when a statement gave up waiting for a lock (PostgreSQL 55P03, SQL Server 1222).</summary>
    public static bool IsLockTimeout(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } => true,
        SqlException { Number: 1222 } => true,
        _ => exception.InnerException is { } inner && IsLockTimeout(inner),
    };

    /// <summary>The PostgreSQL advisory lock key of the tenant schema's lock.</summary>
    public static long LockKey(TenantDatabase database) => PostgresDialect.AdvisoryKey(LockResource(database));

    /// <summary>One lock per tenant schema.</summary>
    private static string LockResource(TenantDatabase database) => "platform-schema:" + database.Schema;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, object? parameter, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(sql, transaction);
        if (parameter is not null) command.AddParameter("@p0", parameter);
        await command.ExecuteNonQueryAsync(ct);
    }
}
