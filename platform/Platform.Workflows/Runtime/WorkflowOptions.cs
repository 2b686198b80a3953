using Microsoft.Extensions.Configuration;

namespace Platform.Workflows.Runtime;

/// <summary>Timer polling and leases (configuration section <c>workflows</c>).</summary>
public sealed class WorkflowOptions
{
    /// <summary>How often each host looks for due timers and abandoned instances (<c>workflows:poll-ms</c>, default 1000).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a host owns an instance it runs, or a timer it claimed, before another host may take over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Activities one run executes at most before it faults (a loop that never waits).</summary>
    public int MaxStepsPerRun { get; init; } = 10_000;

    /// <summary>This host's name in leases.</summary>
    public string Node { get; } = $"{Environment.MachineName}:{Guid.NewGuid():N}";

    public static WorkflowOptions From(IConfiguration configuration) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(configuration.GetValue("workflows:poll-ms", 1000)),
    };
}
