namespace Platform.Runtime.Polling;

/// <summary>
/// One background job that polls every active tenant: how often, how many tenants at once, what it does for one
/// tenant, and (optionally) how it is woken early for the tenants that just gave it work.
/// </summary>
public sealed record TenantPoll
{
    /// <summary>The job's name in logs ("outbox delivery", "email delivery", "workflow timers").</summary>
    public required string Name { get; init; }

    /// <summary>Time between two passes over every active tenant.</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>The work for one active tenant; an exception is logged and the tenant is tried again at the next pass.</summary>
    public required Func<TenantRuntime, TenantPass, CancellationToken, Task> PollAsync { get; init; }

    /// <summary>At most this many tenants are polled at once, so one slow tenant does not hold up every other.</summary>
    public int ParallelTenants { get; init; } = 4;

    /// <summary>When set, one full pass per this interval is marked <see cref="TenantPass.Purge"/> (hourly clean-ups).</summary>
    public TimeSpan? PurgeInterval { get; init; }

    /// <summary>
    /// Waits at most the given time for tenants that just gave the job work (a commit, an enqueue) and returns them;
    /// they are polled at once, between full passes. Null: the job only makes full passes.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task<IReadOnlyList<string>>>? WaitForWorkAsync { get; init; }
}

/// <summary>What kind of pass polls a tenant: <see cref="Purge"/> only on the full pass due for the hourly clean-up.</summary>
public readonly record struct TenantPass(bool Full, bool Purge);
