using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    public override string Page(int? limit, int? offset)
    {
        var sql = limit is null ? "" : $" LIMIT {limit.Value}";
        return offset is > 0 ? sql + $" OFFSET {offset.Value}" : sql;
    }

    public override string LockTimeoutSql(TimeSpan timeout) => $"SET LOCAL lock_timeout = '{(int)timeout.TotalMilliseconds}ms'";
}
