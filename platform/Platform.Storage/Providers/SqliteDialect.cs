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

    /// <summary>Dates and times are ISO text ("yyyy-MM-dd...", times in UTC): the parts sit at fixed places.</summary>
    public override string DatePart(string column, Platform.Storage.Records.Aggregates.DatePart part, bool isTime) => part switch
    {
        Platform.Storage.Records.Aggregates.DatePart.Year => $"CAST(substr({column}, 1, 4) AS INTEGER)",
        Platform.Storage.Records.Aggregates.DatePart.Month => $"CAST(substr({column}, 6, 2) AS INTEGER)",
        _ => $"CAST(substr({column}, 9, 2) AS INTEGER)",
    };

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
