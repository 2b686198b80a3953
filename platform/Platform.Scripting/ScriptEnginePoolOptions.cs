namespace Platform.Scripting;

/// <summary>How many sandbox engines stay idle for their tenant's next run, and for how long.</summary>
public sealed record ScriptEnginePoolOptions
{
    /// <summary>Idle engines kept per tenant and limits: enough for the runs one tenant has in flight at once.</summary>
    public int MaxIdlePerTenant { get; init; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>Idle engines kept in all (each holds a few hundred KB of frozen built-ins).</summary>
    public int MaxIdle { get; init; } = 256;

    /// <summary>An engine unused this long is dropped.</summary>
    public TimeSpan IdleLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>After this long unused, an idle engine releases what its interpreter caches keep of its last run.</summary>
    public TimeSpan QuietAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often returning an engine also looks for idle ones to drop or quieten.</summary>
    public TimeSpan TrimInterval { get; init; } = TimeSpan.FromSeconds(10);
}
