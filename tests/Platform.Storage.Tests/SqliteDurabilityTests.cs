using Microsoft.Data.Sqlite;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.TestSupport;
using Xunit;

namespace Platform.Storage.Tests;

/// <summary>The embedded default must not lose a committed record on power loss.</summary>
public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task Tenant_connections_use_wal_with_full_synchronous_commits()
    {
        using var db = new SqliteTestDatabase();
        var database = new TenantDatabase(DatabaseProvider.Sqlite, SqliteDialect.ConnectionStringFor(db.DatabasePath));
        await using var session = await RecordSession.OpenAsync(database, write: false, CancellationToken.None);

        Assert.Equal("wal", await ScalarAsync(session, "PRAGMA journal_mode"));
        // 2 = FULL: the WAL is fsynced at every commit (NORMAL, 1, only survives an application crash).
        Assert.Equal("2", await ScalarAsync(session, "PRAGMA synchronous"));
        Assert.Equal("1", await ScalarAsync(session, "PRAGMA foreign_keys"));
        SqliteConnection.ClearAllPools();
    }

    private static async Task<string?> ScalarAsync(RecordSession session, string sql)
    {
        await using var command = session.Command(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
