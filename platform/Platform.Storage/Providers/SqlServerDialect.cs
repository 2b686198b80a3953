using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Storage.Providers;

/// <summary>Supported through EF Core's SQL Server provider; no server runs in CI, so its DDL is tested as text.</summary>
public sealed class SqlServerDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
    public override bool NullsSortFirst => true;
    public override int MaxIdentifierLength => 128;
    public override int MaxParameters => 2000;
    protected override string PlaceholderConnectionString => "Server=localhost;Database=platform;Integrated Security=true;TrustServerCertificate=true";

    public override string TableExistsSql => "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = @p0 AND TABLE_SCHEMA = COALESCE(@p1, SCHEMA_NAME())";

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override void Configure(DbContextOptionsBuilder builder, string connectionString) => builder.UseSqlServer(connectionString);

    public override string Page(int? limit, int? offset)
    {
        var sql = $" OFFSET {offset ?? 0} ROWS";
        return limit is null ? sql : sql + $" FETCH NEXT {limit.Value} ROWS ONLY";
    }

    public override string DatePart(string column, Platform.Storage.Records.Aggregates.DatePart part, bool isTime) =>
        $"CAST(DATEPART({part.ToString().ToLowerInvariant()}, {column}) AS bigint)";

    /// <summary>AVG of an integer column is an integer on SQL Server: the values become decimals first.</summary>
    public override string Average(string column) => $"AVG(CAST({column} AS decimal(38, 10)))";

    public override string LockTimeoutSql(TimeSpan timeout) => $"SET LOCK_TIMEOUT {(int)timeout.TotalMilliseconds}";

    /// <summary>LOCK_TIMEOUT outlives the transaction on a pooled connection.</summary>
    public override string ResetLockTimeoutSql => "SET LOCK_TIMEOUT -1";

    /// <summary>An application lock owned by the transaction; waits as long as it takes.</summary>
    public override (string Sql, object Parameter)? TransactionLock(string resource) =>
        ("EXEC sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1", resource);

    /// <summary>TOP, since OFFSET ... FETCH needs an ORDER BY.</summary>
    public override string SelectFirst(int rows, string columns, string from) => $"SELECT TOP ({rows}) {columns} FROM {from}";

    /// <summary>No ON CONFLICT: the key is looked up under an update lock held to the end of the transaction, then inserted.</summary>
    public override string InsertIfAbsentSql(string table, string columns, string values, string keyColumn, string keyValue) =>
        $"IF NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {keyColumn} = {keyValue}) INSERT INTO {table} ({columns}) VALUES ({values})";

    /// <summary>Collations decide equality (case, accents, trailing spaces), which .NET cannot know.</summary>
    public override bool ComparesLikeDotNet => false;

    public override string RenameConstraintSql(ISqlGenerationHelper sql, RelationalTypeMapping stringMapping, string table, string? schema, string name, string newName) =>
        $"EXEC sp_rename {stringMapping.GenerateSqlLiteral(sql.DelimitIdentifier(name, schema))}, {stringMapping.GenerateSqlLiteral(newName)}, 'OBJECT'{sql.StatementTerminator}";
}
