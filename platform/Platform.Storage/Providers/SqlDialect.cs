using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Storage.Providers;

/// <summary>
/// What differs between databases, so the rest of the platform asks the dialect instead of testing the provider: quoting
/// (delegated to EF Core's provider helper, so identifiers are never concatenated unquoted), paging, null ordering,
/// case-insensitive matching, how values and rows travel, locking, and what DDL can do in place.
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

    /// <summary>
    /// <c>SELECT {columns} FROM {from}</c> stopping after <paramref name="rows"/> rows, without an ORDER BY (which
    /// <see cref="Page"/> needs on SQL Server).
    /// </summary>
    public virtual string SelectFirst(int rows, string columns, string from) => $"SELECT {columns} FROM {from}{Page(rows, null)}";

    /// <summary>
    /// An INSERT of one row that does nothing when a row with the same key exists; <paramref name="keyValue"/> is the
    /// key's parameter (also among <paramref name="values"/>).
    /// </summary>
    public virtual string InsertIfAbsentSql(string table, string columns, string values, string keyColumn, string keyValue) =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT ({keyColumn}) DO NOTHING";

    /// <summary>Appended to a SELECT that claims rows for a worker, so concurrent claimers pass over each other's rows.</summary>
    public virtual string SkipLockedClause => "";

    /// <summary>
    /// SQL that takes a lock on <paramref name="resource"/> until the transaction ends, with its one parameter @p0;
    /// null where the transaction's write lock already serialises every writer (SQLite).
    /// </summary>
    public virtual (string Sql, object Parameter)? TransactionLock(string resource) => null;

    /// <summary>SQL that puts the lock timeout back after a transaction, where it outlives the transaction on a pooled connection.</summary>
    public virtual string? ResetLockTimeoutSql => null;

    /// <summary>One writer at a time per database (SQLite): the process queues writes itself, and a holder never waits on a queued write.</summary>
    public virtual bool SingleWriter => false;

    /// <summary>Rows of one multi-row INSERT statement cost more than a prepared one-row INSERT run per row (SQLite, in process).</summary>
    public virtual bool InsertsRowByRow => false;

    /// <summary>True when <paramref name="rows"/> rows go faster through the database's bulk copy than through INSERTs (PostgreSQL's COPY).</summary>
    public virtual bool BulkCopies(int rows) => false;

    /// <summary>Placeholders are positional and parameters unnamed (PostgreSQL's $n: Npgsql need not parse the statement).</summary>
    public virtual bool PositionalParameters => false;

    /// <summary>A list of values of one type can travel as one array parameter (PostgreSQL's <c>= ANY($1)</c>).</summary>
    public virtual bool ArrayParameters => false;

    /// <summary>LIKE ignores case (SQLite, for ASCII letters), so a case-sensitive substring match needs another function.</summary>
    public virtual bool LikeIgnoresCase => false;

    /// <summary>The smallest step of a stored time in .NET ticks (PostgreSQL keeps microseconds: 10 ticks).</summary>
    public virtual long TimeResolutionTicks => 1;

    /// <summary>
    /// Equal and unique in the database means equal in .NET, so writes may check lookups and unique values from rows
    /// read ahead; false where collations decide (SQL Server).
    /// </summary>
    public virtual bool ComparesLikeDotNet => true;

    /// <summary>
    /// Changing a table rebuilds it (SQLite): foreign keys are switched off around the batch and checked before it commits,
    /// and names of indexes and constraints are not renamed in place.
    /// </summary>
    public virtual bool RebuildsTablesToAlter => false;

    /// <summary>
    /// The database is a file in the host's data directory (SQLite): one process on one machine uses it, so keys may be
    /// generated into files beside it; tenants are files of their own, not schemas.
    /// </summary>
    public virtual bool IsLocalFile => false;

    /// <summary>A statement renaming a foreign key constraint (EF Core has no operation for it).</summary>
    public virtual string RenameConstraintSql(ISqlGenerationHelper sql, RelationalTypeMapping stringMapping, string table, string? schema, string name, string newName) =>
        throw new NotSupportedException($"No constraint rename on {Provider}.");

    /// <summary>
    /// The year, month or day of a date or UTC time column as a whole number, for grouped reads ("won amount by month").
    /// </summary>
    public virtual string DatePart(string column, Records.Aggregates.DatePart part, bool isTime) =>
        $"CAST(EXTRACT({part.ToString().ToUpperInvariant()} FROM {column}) AS BIGINT)";

    /// <summary>The average of a numeric column, as an exact decimal where the database has one.</summary>
    public virtual string Average(string column) => $"AVG({column})";

    /// <summary>Replaces EF Core services the platform's DDL generation needs on this database.</summary>
    public virtual void ConfigureDdl(DbContextOptionsBuilder builder)
    {
    }

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
