using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Scripting.Runs;

/// <summary>
/// Queues run reports and writes them in batches (one transaction per tenant, every <see cref="BatchDelay"/>) after the
/// requests that produced them, keeping the last <see cref="KeepPerScript"/> runs of each script. A save only pays for
/// an enqueue; a failed request's runs are kept (they are written outside its transaction), which is what an admin
/// chasing a limit failure needs.
/// </summary>
public sealed class QueuedScriptRunLog : IScriptRunLog, IAsyncDisposable, IDisposable
{
    public const int KeepPerScript = 100;
    /// <summary>Reports beyond this many unwritten ones are dropped (and counted) rather than growing memory without bound.</summary>
    public const int MaxPending = 20_000;
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(500);

    private readonly Channel<(TenantRuntime Runtime, ScriptRunReport Report)> _pending =
        Channel.CreateBounded<(TenantRuntime, ScriptRunReport)>(new BoundedChannelOptions(MaxPending) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger<QueuedScriptRunLog>? _logger;
    private readonly Task _loop;
    private long _dropped;

    public QueuedScriptRunLog(ILogger<QueuedScriptRunLog>? logger = null)
    {
        _logger = logger;
        // Not the first caller's flow (its request's AsyncLocals): the loop outlives it.
        using (ExecutionContext.SuppressFlow()) _loop = Task.Run(LoopAsync);
    }

    /// <summary>Reports dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Add(TenantRuntime runtime, ScriptRunReport report)
    {
        if (!_pending.Writer.TryWrite((runtime, report))) Interlocked.Increment(ref _dropped);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            var batch = new List<(TenantRuntime Runtime, ScriptRunReport Report)>();
            while (_pending.Reader.TryRead(out var item)) batch.Add(item);
            foreach (var tenant in batch.GroupBy(i => i.Runtime.Id))
            {
                var runtime = tenant.Last().Runtime;
                try
                {
                    await using var session = await runtime.Store.OpenAsync(write: true, ct);
                    // A bulk request runs a hook a thousand times: only the last runs of each script would survive the trim, so only they are written.
                    var kept = tenant.Select(i => i.Report).GroupBy(r => r.Script).SelectMany(g => g.TakeLast(KeepPerScript)).ToList();
                    await ScriptRunStore.AppendAsync(session, runtime.Store, kept, KeepPerScript, ct);
                    await session.CommitAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A tenant deleted meanwhile, or a database not yet upgraded to have the table: its reports are lost, saves are not.
                    _logger?.LogWarning(e, "Could not write {Count} script run reports of tenant {Tenant}", tenant.Count(), tenant.Key);
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task LoopAsync()
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(_stop.Token))
            {
                await Task.Delay(BatchDelay, _stop.Token);
                await FlushAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>For containers disposed synchronously: writes what is queued, then stops.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        await _loop;
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await FlushAsync(last.Token);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _writing.Dispose();
    }
}
