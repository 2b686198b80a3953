namespace Platform.Scripting;

/// <summary>Everything a run may see. Values are copied into the engine; nothing CLR is exposed.</summary>
public sealed record ScriptContext
{
    public required string Tenant { get; init; }
    public ScriptUser User { get; init; } = new("", "", []);
    /// <summary>Current values; a hook may change them, the result carries the new values.</summary>
    public IReadOnlyDictionary<string, object?> Record { get; init; } = new Dictionary<string, object?>();
    /// <summary>Values before the update (null on create); exposed as <c>record.previous</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Previous { get; init; }
    /// <summary>Action input (already validated against the action's input schema), exposed as <c>input</c>.</summary>
    public object? Input { get; init; }
    /// <summary>Data access for the current tenant only; null means scripts get no <c>crm</c>.</summary>
    public IScriptCrm? Crm { get; init; }
    /// <summary>Library name to script, available through <c>require(name)</c>; null means no libraries.</summary>
    public IReadOnlyDictionary<string, ScriptSource>? Libraries { get; init; }
    public ScriptLimits Limits { get; init; } = ScriptLimits.Hook;
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;
    /// <summary>
    /// The caller holds the tenant's write lock, which runs holding a slot may be waiting for (SQLite's one writer per
    /// tenant): the run starts without waiting for a slot, or both would wait on each other.
    /// </summary>
    public bool HoldsTenantWriteLock { get; init; }
    /// <summary>Where the run takes its engine from and leaves it for the next run of the same hold; null rents from the pool.</summary>
    public ScriptEngineHold? Engines { get; init; }
}
