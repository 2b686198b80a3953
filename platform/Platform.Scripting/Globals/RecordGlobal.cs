using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Platform.Scripting.Globals;

/// <summary><c>record</c>: the run's record, with hidden <c>previous</c> and <c>changed(field)</c>; read back after the run.</summary>
internal sealed class RecordGlobal : IScriptGlobal
{
    private static readonly HashSet<string> Helpers = ["previous", "changed"];

    public string Name => "record";

    public ScriptGlobalValue Install(ScriptGlobalHost host)
    {
        var changed = host.Function("changed", args =>
        {
            var run = host.Run;
            if (run.Context.Previous is null || run.Record is not ObjectInstance record) return JsBoolean.True;
            var field = ScriptGlobalHost.Arg(args, 0);
            var was = record.Get("previous") is ObjectInstance p ? p.Get(field) : JsValue.Undefined;
            return ValueEquality.Same(JsConvert.FromJs(record.Get(field)), JsConvert.FromJs(was)) ? JsBoolean.False : JsBoolean.True;
        });
        return ScriptGlobalValue.EachRun(() => host.Run.Record = RecordOf(host, changed), changed);
    }

    /// <summary>The record's own fields after the run (helpers excluded), for the caller to apply.</summary>
    public static Dictionary<string, object?> Read(ScriptRun run)
    {
        if (run.Record is not ObjectInstance record) return new Dictionary<string, object?>(run.Context.Record);
        var keys = record.GetOwnPropertyKeys(Types.String);
        // Sized once: a bulk request reads a thousand records back.
        var values = new Dictionary<string, object?>(keys.Count);
        foreach (var key in keys)
        {
            var name = key.ToString();
            if (!Helpers.Contains(name)) values[name] = JsConvert.FromJs(record.Get(key));
        }
        return values;
    }

    private static JsValue RecordOf(ScriptGlobalHost host, JsValue changed)
    {
        var engine = host.Engine;
        var context = host.Context;
        var record = (JsObject)JsConvert.ToJs(engine, context.Record);
        Hidden(record, "previous", context.Previous is null ? JsValue.Null : JsConvert.ToJs(engine, context.Previous));
        Hidden(record, "changed", changed);
        return record;
    }

    private static void Hidden(ObjectInstance target, string name, JsValue value) =>
        target.FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.Configurable));
}
