using Platform.Storage.Providers;

namespace Platform.Storage.Tests.Providers;

/// <summary>
/// No SQL Server runs in CI: the SQL its dialect writes where SQL Server differs from SQLite and PostgreSQL is checked
/// as text (T-SQL has no LIMIT, ON CONFLICT or advisory locks).
/// </summary>
public sealed class SqlServerDialectTests
{
    private static readonly SqlDialect SqlServer = SqlDialect.For(DatabaseProvider.SqlServer);

    [Fact]
    public void The_first_rows_are_selected_with_top_since_fetch_needs_an_order()
    {
        Assert.Equal("SELECT TOP (11) 1 AS one FROM [t1].[account] WHERE [city] = @p0", SqlServer.SelectFirst(11, "1 AS one", "[t1].[account] WHERE [city] = @p0"));
        Assert.Equal("SELECT 1 AS one FROM \"account\" LIMIT 11", SqlDialect.For(DatabaseProvider.Postgres).SelectFirst(11, "1 AS one", "\"account\""));
    }

    [Fact]
    public void An_insert_if_absent_looks_the_key_up_under_an_update_lock_instead_of_on_conflict()
    {
        Assert.Equal(
            "IF NOT EXISTS (SELECT 1 FROM [s] WITH (UPDLOCK, HOLDLOCK) WHERE [name] = @p0) INSERT INTO [s] ([name], [next_value]) VALUES (@p0, 1)",
            SqlServer.InsertIfAbsentSql("[s]", "[name], [next_value]", "@p0, 1", "[name]", "@p0"));
        Assert.Equal(
            "INSERT INTO \"s\" (\"name\", \"next_value\") VALUES (@p0, 1) ON CONFLICT (\"name\") DO NOTHING",
            SqlDialect.For(DatabaseProvider.Sqlite).InsertIfAbsentSql("\"s\"", "\"name\", \"next_value\"", "@p0, 1", "\"name\"", "@p0"));
    }

    [Fact]
    public void A_transaction_lock_is_an_application_lock_on_the_resource_name_and_the_lock_timeout_is_reset_after()
    {
        var (sql, resource) = SqlServer.TransactionLock("platform-schema:t1")!.Value;

        Assert.Equal("EXEC sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1", sql);
        Assert.Equal("platform-schema:t1", resource);
        Assert.Equal("SET LOCK_TIMEOUT -1", SqlServer.ResetLockTimeoutSql);
        Assert.Null(SqlDialect.For(DatabaseProvider.Sqlite).TransactionLock("platform-schema:"));
    }

    [Fact]
    public void Claims_skip_no_locked_rows_and_writes_do_not_check_ahead_since_collations_decide_equality()
    {
        Assert.Equal("", SqlServer.SkipLockedClause);
        Assert.Equal(" FOR UPDATE SKIP LOCKED", SqlDialect.For(DatabaseProvider.Postgres).SkipLockedClause);
        Assert.False(SqlServer.ComparesLikeDotNet);
        Assert.False(SqlServer.SingleWriter);
        Assert.False(SqlServer.RebuildsTablesToAlter);
    }
}
