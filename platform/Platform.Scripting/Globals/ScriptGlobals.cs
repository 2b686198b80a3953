namespace Platform.Scripting.Globals;

/// <summary>The platform's own globals, registered by <see cref="ScriptingServices.AddPlatformScripting"/> like any other.</summary>
public static class ScriptGlobals
{
    /// <summary>errors, log, now, require (one value per engine), then record, user, tenant, input, crm (built in each run).</summary>
    public static IReadOnlyList<IScriptGlobal> BuiltIn { get; } =
    [
        new ErrorsGlobal(), new LogGlobal(), new NowGlobal(), new RequireGlobal(),
        new RecordGlobal(), new UserGlobal(), new TenantGlobal(), new InputGlobal(), new CrmGlobal(),
    ];
}
