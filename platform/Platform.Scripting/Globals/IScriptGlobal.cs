namespace Platform.Scripting;

/// <summary>
/// A global name a script sees (<c>crm</c>, <c>log</c>, <c>now</c>, later <c>http</c>, <c>template</c>, a plugin's
/// functions): one class, registered with <see cref="ScriptingServices.AddScriptGlobal{T}"/>. <see cref="Install"/> runs
/// once per pooled engine, before the engine's intrinsics are frozen, so the host objects it builds are shared by every
/// run of that engine and frozen with them; they read the run in progress through the <see cref="ScriptGlobalHost"/>,
/// which also counts their calls against their limits.
/// </summary>
public interface IScriptGlobal
{
    /// <summary>The global's name; it must not be a JavaScript built-in or another global's name.</summary>
    string Name { get; }

    ScriptGlobalValue Install(ScriptGlobalHost host);
}
