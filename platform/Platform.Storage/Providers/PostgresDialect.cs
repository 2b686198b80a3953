using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Platform.Storage.Ddl;
using Platform.Storage.Records;

namespace Platform.Storage.Providers;

public sealed class PostgresDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override bool NullsSortFirst => false;

    /// <summary>
    /// ILIKE folds case by the database's ctype, which for a C-locale database (common on servers) is ASCII only. The
    /// ICU root collation folds every script's letters, whatever the database's locale; it needs PostgreSQL built
    /// with ICU (Debian, Ubuntu, RHEL, the official images and installers are; from PostgreSQL 16 it is the default).
    /// </summary>
    public override string CaseInsensitiveMatch(string column, string pattern) => $"{column} COLLATE \"und-x-icu\" ILIKE {pattern}";
    protected override string PlaceholderConnectionString => "Host=localhost";

    public override string TableExistsSql => "SELECT 1 FROM information_schema.tables WHERE table_name = @p0 AND table_schema = COALESCE(@p1, current_schema())";

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override void Configure(DbContextOptionsBuilder builder, string connectionString) => builder.UseNpgsql(connectionString);

    /// <summary>EXTRACT reads a timestamptz in the session's time zone: times are grouped by their UTC parts.</summary>
    public override string DatePart(string column, Platform.Storage.Records.Aggregates.DatePart part, bool isTime) =>
        $"CAST(EXTRACT({part.ToString().ToUpperInvariant()} FROM {(isTime ? $"{column} AT TIME ZONE 'UTC'" : column)}) AS bigint)";

    /// <summary>AVG of numeric keeps every digit it can (more than .NET's decimal holds).</summary>
    public override string Average(string column) => $"ROUND(AVG({column}), 10)";

    public override string Page(int? limit, int? offset)
    {
        var sql = limit is null ? "" : $" LIMIT {limit.Value}";
        return offset is > 0 ? sql + $" OFFSET {offset.Value}" : sql;
    }

    public override string LockTimeoutSql(TimeSpan timeout) => $"SET LOCAL lock_timeout = '{(int)timeout.TotalMilliseconds}ms'";

    public override string SkipLockedClause => " FOR UPDATE SKIP LOCKED";

    /// <summary>A transaction-scoped advisory lock, taken before the lock timeout so a second holder queues rather than fails.</summary>
    public override (string Sql, object Parameter)? TransactionLock(string resource) => ("SELECT pg_advisory_xact_lock(@p0)", AdvisoryKey(resource));

    public override bool BulkCopies(int rows) => rows >= PostgresCopyWriter.MinRows;
    public override bool PositionalParameters => true;
    public override bool ArrayParameters => true;
    public override long TimeResolutionTicks => 10;

    public override string RenameConstraintSql(ISqlGenerationHelper sql, RelationalTypeMapping stringMapping, string table, string? schema, string name, string newName) =>
        $"ALTER TABLE {sql.DelimitIdentifier(table, schema)} RENAME CONSTRAINT {sql.DelimitIdentifier(name)} TO {sql.DelimitIdentifier(newName)}{sql.StatementTerminator}";

    /// <summary>The platform's generator writes what Npgsql's leaves out (see <see cref="PostgresMigrationsSqlGenerator"/>).</summary>
    public override void ConfigureDdl(DbContextOptionsBuilder builder) =>
        builder.ReplaceService<IMigrationsSqlGenerator, PostgresMigrationsSqlGenerator>();

    /// <summary>The advisory lock key of a resource name: its SHA-256, first eight bytes.</summary>
    public static long AdvisoryKey(string resource) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(resource)), 0);
}
