namespace Platform.Workflows.Tests.Support;

/// <summary>
/// The workflow engine's clock in tests: real time plus an offset a test moves forward, so a P3D timer falls due
/// without waiting three days. Only the engine gets it (token lifetimes and the rest of the host keep real time); it
/// belongs to the test host, so the offset survives a restart as wall-clock time would.
/// </summary>
public sealed class ShiftingClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward (never back: timers already due stay due).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
