using Microsoft.Data.Sqlite;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.TestSupport;
using Xunit;

namespace Platform.Storage.Tests;

/// <summary>Writers of one process queue for a SQLite tenant's write lock in order, without blocking threads.</summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task A_second_writer_waits_for_the_first_to_finish_and_then_sees_its_commit()
    {
        using var db = new SqliteTestDatabase();
        var database = new TenantDatabase(DatabaseProvider.Sqlite, SqliteDialect.ConnectionStringFor(db.DatabasePath));
        await using (var setup = await RecordSession.OpenAsync(database, write: true, CancellationToken.None))
        {
            await ExecuteAsync(setup, "CREATE TABLE t (n INTEGER)");
            await setup.CommitAsync(CancellationToken.None);
        }

        var first = await RecordSession.OpenAsync(database, write: true, CancellationToken.None);
        await ExecuteAsync(first, "INSERT INTO t VALUES (1)");
        var second = RecordSession.OpenAsync(database, write: true, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(second.IsCompleted);

        await first.CommitAsync(CancellationToken.None);
        await first.DisposeAsync();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(5));
        await using var count = next.Command("SELECT COUNT(*) FROM t");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_waiting_writer_can_be_cancelled_and_the_queue_moves_on()
    {
        using var db = new SqliteTestDatabase();
        var database = new TenantDatabase(DatabaseProvider.Sqlite, SqliteDialect.ConnectionStringFor(db.DatabasePath));
        var holder = await RecordSession.OpenAsync(database, write: true, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RecordSession.OpenAsync(database, write: true, cancel.Token));

        await holder.DisposeAsync();
        await using var after = await RecordSession.OpenAsync(database, write: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(after.Transaction);
        SqliteConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(RecordSession session, string sql)
    {
        await using var command = session.Command(sql);
        await command.ExecuteNonQueryAsync();
    }
}
