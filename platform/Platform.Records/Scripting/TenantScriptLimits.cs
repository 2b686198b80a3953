using Platform.Metadata.Definitions;
using Platform.Scripting;

namespace Platform.Records.Scripting;

/// <summary>Applies a tenant's <c>scriptLimits</c> overrides (validated at apply time) over the platform defaults.</summary>
public static class TenantScriptLimits
{
    /// <param name="overrides">In module order; a later module's value wins.</param>
    public static ScriptLimits Apply(ScriptLimits defaults, IEnumerable<ScriptLimitOverrides?> overrides)
    {
        var limits = defaults;
        foreach (var o in overrides)
        {
            if (o is null) continue;
            limits = limits with
            {
                Timeout = o.TimeoutMs is { } t ? TimeSpan.FromMilliseconds(t) : limits.Timeout,
                MaxStatements = o.MaxStatements ?? limits.MaxStatements,
                MaxMemoryBytes = o.MaxMemoryMb is { } m ? m * 1024L * 1024 : limits.MaxMemoryBytes,
                MaxRecursionDepth = o.MaxRecursionDepth ?? limits.MaxRecursionDepth,
                MaxCrmQueries = o.MaxCrmQueries ?? limits.MaxCrmQueries,
                MaxCrmWrites = o.MaxCrmWrites ?? limits.MaxCrmWrites,
                MaxLogEntries = o.MaxLogEntries ?? limits.MaxLogEntries,
            };
        }
        return limits;
    }
}
