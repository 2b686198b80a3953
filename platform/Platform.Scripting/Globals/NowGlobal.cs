using Jint.Native;

namespace Platform.Scripting.Globals;

/// <summary><c>now()</c>: the run's clock (<see cref="ScriptContext.Clock"/>) as a Date.</summary>
internal sealed class NowGlobal : IScriptGlobal
{
    public string Name => "now";

    public ScriptGlobalValue Install(ScriptGlobalHost host) =>
        ScriptGlobalValue.Constant(host.Function("now", _ => JsValue.FromObject(host.Engine, host.Context.Clock().UtcDateTime)));
}
