using Jint.Native;

namespace Platform.Scripting.Globals;

/// <summary><c>errors.add(field, message)</c>: refuses the save with a field error.</summary>
internal sealed class ErrorsGlobal : IScriptGlobal
{
    public string Name => "errors";

    public ScriptGlobalValue Install(ScriptGlobalHost host)
    {
        var errors = new JsObject(host.Engine);
        errors.Set("add", host.Function("add", args =>
        {
            host.Run.FieldErrors.Add(new ScriptFieldError(ScriptGlobalHost.Arg(args, 0), ScriptGlobalHost.Truncate(ScriptGlobalHost.Arg(args, 1))));
            return JsValue.Undefined;
        }));
        return ScriptGlobalValue.Constant(errors);
    }
}
