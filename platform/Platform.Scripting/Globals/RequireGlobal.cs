using Jint.Native;
using Jint.Runtime;

namespace Platform.Scripting.Globals;

/// <summary>
/// require(name): runs a library of the tenant once per run, on this engine (so every limit applies to it), and
/// returns its module.exports. Libraries are prepared once and cached like other scripts; a cycle gets the exports
/// filled so far, as in CommonJS.
/// </summary>
internal sealed class RequireGlobal : IScriptGlobal
{
    public string Name => "require";

    public ScriptGlobalValue Install(ScriptGlobalHost host) => ScriptGlobalValue.Constant(host.Function("require", args => Require(host, args)));

    private static JsValue Require(ScriptGlobalHost host, JsValue[] args)
    {
        var engine = host.Engine;
        var run = host.Run;
        var name = ScriptGlobalHost.Arg(args, 0);
        if (run.Libraries.TryGetValue(name, out var done)) return done;
        if (run.Context.Libraries?.GetValueOrDefault(name) is not { } library)
            throw new JavaScriptException($"require('{name}'): there is no library '{name}' in this tenant's modules");
        var entry = host.Cache.GetLibrary(library);
        if (entry.Error is { } syntax) throw new JavaScriptException($"require('{name}'): {syntax}");
        var exports = new JsObject(engine);
        var module = new JsObject(engine);
        module.Set("exports", exports);
        run.Libraries[name] = exports;
        var factory = engine.Evaluate(entry.Script!.Value);
        engine.Invoke(factory, module, exports);
        return run.Libraries[name] = module.Get("exports");
    }
}
