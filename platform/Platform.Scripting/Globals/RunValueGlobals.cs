using Jint.Native;

namespace Platform.Scripting.Globals;

/// <summary><c>user</c>: id, name and roles of the actor, built in each run.</summary>
internal sealed class UserGlobal : IScriptGlobal
{
    public string Name => "user";

    public ScriptGlobalValue Install(ScriptGlobalHost host) => ScriptGlobalValue.EachRun(() => JsConvert.ToJs(host.Engine, new Dictionary<string, object?>
    {
        ["id"] = host.Context.User.Id, ["name"] = host.Context.User.Name, ["roles"] = host.Context.User.Roles,
    }));
}

/// <summary><c>tenant</c>: <c>{ id }</c> of the run's tenant.</summary>
internal sealed class TenantGlobal : IScriptGlobal
{
    public string Name => "tenant";

    public ScriptGlobalValue Install(ScriptGlobalHost host) =>
        ScriptGlobalValue.EachRun(() => JsConvert.ToJs(host.Engine, new Dictionary<string, object?> { ["id"] = host.Context.Tenant }));
}

/// <summary><c>input</c>: an action's input (undefined elsewhere).</summary>
internal sealed class InputGlobal : IScriptGlobal
{
    public string Name => "input";

    public ScriptGlobalValue Install(ScriptGlobalHost host) =>
        ScriptGlobalValue.EachRun(() => host.Context.Input is { } input ? JsConvert.ToJs(host.Engine, input) : JsValue.Undefined);
}
