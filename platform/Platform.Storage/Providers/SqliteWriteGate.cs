using System.Collections.Concurrent;

namespace Platform.Storage.Providers;

/// <summary>
/// SQLite has one writer per file. Writers of this process queue here, asynchronously and in order, before they begin
/// their IMMEDIATE transaction; left to SQLite's busy handler they would each block a thread and poll with growing
/// sleeps, so under concurrent saves the lock sat idle between a commit and the next sleeper waking up. Other processes
/// (the CLI applying a module) still meet the busy timeout as before.
/// </summary>
public static class SqliteWriteGate
{
    /// <summary>As long as SQLite's own busy timeout: a writer that waits longer gets an error, not a hang.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's write turn; dispose the result to give it up. Null for other providers.</summary>
    public static async Task<IDisposable?> EnterAsync(TenantDatabase database, CancellationToken ct)
    {
        if (!database.Dialect.SingleWriter) return null;
        var gate = Gates.GetOrAdd(database.ConnectionString, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(Timeout, ct))
            throw new TimeoutException($"Waited {Timeout.TotalSeconds:0} s for the write lock of the tenant database; another write in this process holds it.");
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
