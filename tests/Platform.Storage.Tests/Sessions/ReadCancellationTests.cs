using System.Data.Common;
using System.Diagnostics;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.Storage.Tests.Support;

namespace Platform.Storage.Tests.Sessions;

/// <summary>
/// A read session's running statement stops when its token is cancelled (a client that went away during an exact
/// count or an export), on SQLite, whose driver ignores tokens mid-statement, as on PostgreSQL.
/// </summary>
public abstract class ReadCancellationTests : IAsyncLifetime
{
    private TestTenant _tenant = null!;

    protected abstract Task<TestTenant> CreateTenantAsync();

    /// <summary>A statement that runs for far longer than the test waits.</summary>
    protected abstract string LongQuery { get; }

    public async Task InitializeAsync() => _tenant = await CreateTenantAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task A_running_read_stops_soon_after_its_token_is_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        // Task.Run: Microsoft.Data.Sqlite executes synchronously on the calling thread.
        var read = Task.Run(async () =>
        {
            await using var session = await RecordSession.OpenAsync(_tenant.Database, write: false, cancel.Token);
            await using var command = session.Command(LongQuery);
            return await command.ExecuteScalarAsync(cancel.Token);
        });
        await Task.Delay(300);
        cancel.Cancel();

        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.True(finished == read, $"the statement still ran {watch.Elapsed.TotalSeconds:0.0} s after its token was cancelled");
        var error = await Record.ExceptionAsync(() => read);
        Assert.True(error is OperationCanceledException or DbException, $"expected a cancellation, got {error?.GetType().Name ?? "a result"}");
    }
}

public sealed class SqliteReadCancellationTests : ReadCancellationTests
{
    protected override Task<TestTenant> CreateTenantAsync() => Task.FromResult<TestTenant>(new SqliteTestTenant());

    protected override string LongQuery =>
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000000) SELECT COUNT(*) FROM c";
}

public sealed class PostgresReadCancellationTests : ReadCancellationTests
{
    protected override async Task<TestTenant> CreateTenantAsync() => await PostgresTestTenant.CreateAsync();

    protected override string LongQuery => "SELECT pg_sleep(60)";
}
