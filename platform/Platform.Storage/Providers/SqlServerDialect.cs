using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

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

    public override string LockTimeoutSql(TimeSpan timeout) => $"SET LOCK_TIMEOUT {(int)timeout.TotalMilliseconds}";
}
