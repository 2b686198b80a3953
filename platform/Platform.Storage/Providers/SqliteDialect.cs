using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Platform.Storage.Providers;

public sealed class SqliteDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override bool NullsSortFirst => true;
    public override int MaxIdentifierLength => 128;
    protected override string PlaceholderConnectionString => "Data Source=:memory:";

    public override bool SingleWriter => true;
    public override bool InsertsRowByRow => true;
    public override bool LikeIgnoresCase => true;
    public override bool RebuildsTablesToAlter => true;
    public override bool IsLocalFile => true;

    public override string TableExistsSql => "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = @p0 AND @p1 IS NULL";

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    /// <summary>
    /// SQLite's LIKE ignores case for ASCII letters only ("MÜLLER" would not find "Müller"): both sides are folded by
    /// <see cref="SqliteConnectionSetup.FoldFunction"/>, .NET's invariant lower-casing, registered on every connection.
    /// </summary>
    public override string CaseInsensitiveMatch(string column, string pattern) =>
        $"{SqliteConnectionSetup.FoldFunction}({column}) LIKE {SqliteConnectionSetup.FoldFunction}({pattern})";

    /// <summary>SQLite's documented way to keep a term out of index selection: a unary plus on the column.</summary>
    public override string NotAnAccessPath(string column) => "+" + column;

    public override void Configure(DbContextOptionsBuilder builder, string connectionString) => builder.UseSqlite(connectionString);

    /// <summary>
    /// Builds the connection string of a tenant file. Durability: WAL with synchronous=FULL is set per connection
    /// by <see cref="SqliteConnectionSetup"/>, so a committed record survives power loss.
    /// </summary>
    public static string ConnectionStringFor(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
