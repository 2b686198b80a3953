using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Platform.Scripting.Globals;

/// <summary><c>log.info/warn/error(...)</c>: lines of the run report, at most <see cref="ScriptLimits.MaxLogEntries"/> a run.</summary>
internal sealed class LogGlobal : IScriptGlobal
{
    public string Name => "log";

    public ScriptGlobalValue Install(ScriptGlobalHost host)
    {
        var log = new JsObject(host.Engine);
        foreach (var level in new[] { "info", "warn", "error" })
            log.Set(level, host.Function(level, args =>
            {
                var run = host.Run;
                if (run.Logs.Count >= run.Context.Limits.MaxLogEntries)
                    throw new ScriptLimitExceededException("maxLogEntries", $"more than {run.Context.Limits.MaxLogEntries} log entries");
                run.Logs.Add(new ScriptLogEntry(level, ScriptGlobalHost.Truncate(string.Join(" ", args.Select(a => a.IsString() ? a.ToString() : Describe(a))))));
                return JsValue.Undefined;
            }));
        return ScriptGlobalValue.Constant(log);
    }

    private static string Describe(JsValue value) =>
        value.IsObject() ? System.Text.Json.JsonSerializer.Serialize(JsConvert.FromJs(value)) : TypeConverter.ToString(value);
}
