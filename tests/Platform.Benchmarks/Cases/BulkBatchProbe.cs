using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Deterministic figures of one platform bulk request, beside its time: bytes allocated in the process (host and client),
/// garbage collections, and the PostgreSQL statements it sent with their client-observed durations (Npgsql's activity
/// source). The load on a shared machine moves the times; the bytes and statements it does not.
/// </summary>
internal sealed class BulkBatchProbe : IDisposable
{
    private readonly ConcurrentQueue<(string Statement, TimeSpan Duration)> _statements = new();
    private readonly ActivityListener _listener;
    private volatile bool _recording;

    // Opt-in (BENCH_ALLOCATION_TYPES=1): the runtime's allocation events cost the measured side some time.
    private readonly AllocationTypes? _types = Environment.GetEnvironmentVariable("BENCH_ALLOCATION_TYPES") == "1" ? new() : null;

    public BulkBatchProbe()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => _recording ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (!_recording) return;
                var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
                _statements.Enqueue((text, activity.Duration));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public long Batches { get; private set; }
    public long AllocatedBytes { get; private set; }
    public long Collections { get; private set; }
    public long Statements { get; private set; }

    public async Task<T> MeasureAsync<T>(Func<Task<T>> batch)
    {
        while (_statements.TryDequeue(out _)) { }
        var collections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes(true);
        _recording = true;
        AllocationTypes.Recording = true;
        try
        {
            return await batch();
        }
        finally
        {
            _recording = false;
            AllocationTypes.Recording = false;
            AllocatedBytes += GC.GetTotalAllocatedBytes(true) - allocated;
            Collections += GC.CollectionCount(0) - collections;
            Statements += _statements.Count;
            Batches++;
        }
    }

    /// <summary>The statements of the last measured batch, slowest first.</summary>
    public IEnumerable<string> LastStatements() =>
        _statements.OrderByDescending(s => s.Duration).Select(s => $"{s.Duration.TotalMilliseconds,8:0.0} ms  {Shorten(s.Statement)}");

    private static string Shorten(string sql) => sql.Length <= 110 ? sql : sql[..110] + "…";

    public void Dispose()
    {
        _listener.Dispose();
        _types?.Dispose();
        foreach (var (type, bytes) in AllocationTypes.Bytes.OrderByDescending(p => p.Value).Take(40))
            Console.WriteLine($"       alloc {bytes / Batches / 1000,8:N0} KB/batch  {type}");
    }
}
