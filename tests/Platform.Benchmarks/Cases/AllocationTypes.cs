using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Bytes allocated by type while a platform batch runs, from the runtime's allocation ticks (one event per about 100 KB
/// allocated, naming the type that crossed it): a sample that shows where a batch's bytes go.
/// </summary>
internal sealed class AllocationTypes : EventListener
{
    public static volatile bool Recording;
    public static readonly ConcurrentDictionary<string, long> Bytes = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick")) return;
        var type = e.Payload?[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = e.PayloadNames!.IndexOf("AllocationAmount64") is var i and >= 0 ? Convert.ToInt64(e.Payload![i]) : 100_000;
        Bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }
}
