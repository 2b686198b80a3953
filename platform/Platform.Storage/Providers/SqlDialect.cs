using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Storage.Providers;

/// <summary>
/// What differs between databases when the platform writes SQL for records: quoting (delegated to EF Core's
/// provider helper, so identifiers are never concatenated unquoted), paging, null ordering, case-insensitive
/// matching and how a few value kinds travel as parameters.
/// </summary>
public abstract class SqlDialect
{
    private static readonly SqlDialect SqliteInstance = new SqliteDialect();
    private static readonly SqlDialect PostgresInstance = new PostgresDialect();
    private static readonly SqlDialect SqlServerInstance = new SqlServerDialect();

    private ISqlGenerationHelper? _helper;

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteInstance,
        DatabaseProvider.Postgres => PostgresInstance,
        DatabaseProvider.SqlServer => SqlServerInstance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public abstract DatabaseProvider Provider { get; }

    /// <summary>True when NULL sorts before every value in ascending order (SQLite, SQL Server); false on PostgreSQL.</summary>
    public abstract bool NullsSortFirst { get; }

    /// <summary>A case-insensitive LIKE of a column against a pattern parameter (an ESCAPE clause may follow).</summary>
    public virtual string CaseInsensitiveMatch(string column, string pattern) => $"{column} LIKE {pattern}";

    /// <summary>
    /// A column reference the planner may filter on but not pick an index for (see <see cref="Records.InNode.Broad"/>);
    /// only SQLite needs it, PostgreSQL weighs the LIMIT itself.
    /// </summary>
    public virtual string NotAnAccessPath(string column) => column;

    /// <summary>Most parameters one statement may carry (SQL Server allows 2,100).</summary>
    public virtual int MaxParameters => 30000;

    /// <summary>Longest identifier the database accepts.</summary>
    public virtual int MaxIdentifierLength => 63;

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Configures an EF Core options builder for this provider (used for DDL generation).</summary>
    public abstract void Configure(DbContextOptionsBuilder builder, string connectionString);

    public string Quote(string identifier) => Helper.DelimitIdentifier(identifier);

    public string Table(string table, string? schema) => Helper.DelimitIdentifier(table, schema);

    public string ParameterName(int index) => "@p" + index;

    /// <summary>Appends the paging clause; ORDER BY must already be written (SQL Server requires it).</summary>
    public virtual string Page(int? limit, int? offset)
    {
        var sql = limit is null ? "" : $" LIMIT {limit.Value}";
        if (offset is > 0) sql += limit is null ? $" LIMIT -1 OFFSET {offset.Value}" : $" OFFSET {offset.Value}";
        return sql;
    }

    /// <summary>A query returning a row when table @p0 exists (in schema @p1 where schemas apply).</summary>
    public abstract string TableExistsSql { get; }

    /// <summary>SQL that runs before DDL so a schema change fails fast instead of queueing behind user traffic.</summary>
    public virtual string? LockTimeoutSql(TimeSpan timeout) => null;

    private ISqlGenerationHelper Helper => _helper ??= CreateHelper();

    private ISqlGenerationHelper CreateHelper()
    {
        var builder = new DbContextOptionsBuilder();
        Configure(builder, PlaceholderConnectionString);
        using var context = new DbContext(builder.Options);
        return context.GetService<ISqlGenerationHelper>();
    }

    protected abstract string PlaceholderConnectionString { get; }
}
