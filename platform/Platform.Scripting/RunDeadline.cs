using System.Diagnostics;
using Jint.Constraints;

namespace Platform.Scripting;

/// <summary>
/// A run's time limit: the script's own running time, with time spent inside <c>crm</c> calls left out (as Apex leaves
/// database time out of its CPU limit). A hook's write waits its turn for the tenant's database behind other saves;
/// that wait is not the script's doing and must not fail it. crm calls are bounded instead by their count limits and
/// <see cref="CrmCallTimeout"/> each. Wraps Jint's operation deadline, which one budget covers across every entry of a run
/// (a require() evaluates its library in a nested entry, which would re-arm a per-entry timeout).
/// </summary>
internal sealed class RunDeadline
{
    /// <summary>Longest one crm call may take (as long as a write may wait for a SQLite tenant's lock).</summary>
    public static readonly TimeSpan CrmCallTimeout = TimeSpan.FromSeconds(30);

    private TimeSpan _budget;
    private TimeSpan _left;
    private long _armedAt;
    private bool _armed;
    private CancellationToken _ct;

    public OperationDeadlineConstraint Constraint { get; } = new();

    /// <summary>The script's own running time so far (crm calls left out): what the run costs its tenant's time share.</summary>
    public TimeSpan Spent => _budget - _left + (_armed ? Stopwatch.GetElapsedTime(_armedAt) : TimeSpan.Zero);

    public void Begin(TimeSpan budget, CancellationToken ct)
    {
        _budget = budget;
        _left = budget;
        _ct = ct;
        Arm();
    }

    /// <summary>Stops the clock for a host call; the returned scope restarts it with what is left.</summary>
    public Paused Pause()
    {
        Disarm();
        return new Paused(this);
    }

    public void End() => Disarm();

    private void Disarm()
    {
        if (_armed) _left -= Stopwatch.GetElapsedTime(_armedAt);
        _armed = false;
        Constraint.End();
    }

    private void Arm()
    {
        _armedAt = Stopwatch.GetTimestamp();
        _armed = true;
        // A non-positive budget means "no limit" to Jint: a spent budget is armed as one tick, so the next check fails.
        Constraint.Begin(_left > TimeSpan.Zero ? _left : TimeSpan.FromTicks(1), _ct);
    }

    public readonly struct Paused(RunDeadline deadline) : IDisposable
    {
        public void Dispose() => deadline.Arm();
    }
}
