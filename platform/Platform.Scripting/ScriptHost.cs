using Jint;
using Jint.Native.Object;

namespace Platform.Scripting;

/// <summary>
/// Installs the registered globals (<see cref="IScriptGlobal"/>) on one engine. Their host objects are built once per
/// engine, shared by every run of the engine and frozen with the intrinsics, and read the run in progress; the values of
/// the run (record, user, tenant, input, crm's availability) are lazy globals, built on first read and dropped when the
/// engine's globals are restored after the run.
/// </summary>
internal sealed class ScriptHost(Engine engine, PreparedScriptCache cache, RunDeadline deadline, IReadOnlyList<IScriptGlobal> globals)
{
    private readonly ScriptGlobalHost _host = new(engine, cache, deadline);
    private readonly List<(string Name, Func<Engine, Jint.Native.JsValue> Value)> _perRun = [];

    /// <summary>Installs the shared host functions as globals; returns the host objects that are not globals, to freeze too.</summary>
    public IEnumerable<ObjectInstance> InstallFunctions()
    {
        var freeze = new List<ObjectInstance>();
        foreach (var global in globals)
        {
            if (engine.Global.HasOwnProperty(global.Name) || _perRun.Exists(g => g.Name == global.Name))
                throw new InvalidOperationException($"Script global '{global.Name}' is a built-in or registered twice.");
            var value = global.Install(_host);
            if (value.PerRun is { } perRun) _perRun.Add((global.Name, _ => perRun()));
            else engine.SetValue(global.Name, value.Shared!);
            freeze.AddRange(value.AlsoFreeze);
        }
        return freeze;
    }

    /// <summary>The run's values, built when the script first reads them (after the snapshot, so each run rebuilds them).</summary>
    public void InstallRunGlobals()
    {
        foreach (var (name, value) in _perRun) engine.Advanced.AddLazyGlobal(name, value);
    }

    public void Begin(ScriptRun run) => _host.Begin(run);

    public void End() => _host.End();
}
