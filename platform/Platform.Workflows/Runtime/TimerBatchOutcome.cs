namespace Platform.Workflows.Runtime;

/// <summary>What one batch of due timers did: how many it took and how many of them resumed their instance.</summary>
public sealed record TimerBatchOutcome(int Taken, int Fired);
