using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Platform.Scripting;

/// <summary>
/// The globals a script sees — record, user, tenant, input, crm, errors, log, now, require — installed once per engine.
/// The functions are shared by every run of the engine and frozen with the intrinsics, and read the run in progress;
/// the values of the run (record, user, tenant, input) are lazy globals, built on first read and dropped when the
/// engine's globals are restored after the run.
/// </summary>
internal sealed class ScriptHost(Engine engine, PreparedScriptCache cache, RunDeadline deadline)
{
    private const int MaxLogMessageLength = 2_000;
    private static readonly HashSet<string> RecordHelpers = ["previous", "changed"];

    private ScriptRun? _run;
    private ClrFunction _changed = null!;
    private JsObject _crm = null!;

    private ScriptRun Run => _run ?? throw new InvalidOperationException("No script run is in progress on this engine.");

    /// <summary>Installs the shared host functions as globals; returns the host objects that are not globals, to freeze too.</summary>
    public IEnumerable<ObjectInstance> InstallFunctions()
    {
        var errors = new JsObject(engine);
        errors.Set("add", Function("add", args =>
        {
            Run.FieldErrors.Add(new ScriptFieldError(Arg(args, 0), Truncate(Arg(args, 1))));
            return JsValue.Undefined;
        }));
        engine.SetValue("errors", errors);

        var log = new JsObject(engine);
        foreach (var level in new[] { "info", "warn", "error" })
            log.Set(level, Function(level, args =>
            {
                var run = Run;
                if (run.Logs.Count >= run.Context.Limits.MaxLogEntries)
                    throw new ScriptLimitExceededException("maxLogEntries", $"more than {run.Context.Limits.MaxLogEntries} log entries");
                run.Logs.Add(new ScriptLogEntry(level, Truncate(string.Join(" ", args.Select(a => a.IsString() ? a.ToString() : Describe(a))))));
                return JsValue.Undefined;
            }));
        engine.SetValue("log", log);
        engine.SetValue("now", Function("now", _ => JsValue.FromObject(engine, Run.Context.Clock().UtcDateTime)));
        engine.SetValue("require", Function("require", Require));

        _changed = Function("changed", args =>
        {
            var run = Run;
            if (run.Context.Previous is null || run.Record is not ObjectInstance record) return JsBoolean.True;
            var field = Arg(args, 0);
            var was = record.Get("previous") is ObjectInstance p ? p.Get(field) : JsValue.Undefined;
            return Equals(JsConvert.FromJs(record.Get(field)), JsConvert.FromJs(was)) ? JsBoolean.False : JsBoolean.True;
        });
        _crm = Crm();
        return [_changed, _crm];
    }

    /// <summary>The run's values, built when the script first reads them (after the snapshot, so each run rebuilds them).</summary>
    public void InstallRunGlobals()
    {
        engine.Advanced.AddLazyGlobal("record", _ => Run.Record = RecordOf(Run.Context));
        engine.Advanced.AddLazyGlobal("user", _ => JsConvert.ToJs(engine, new Dictionary<string, object?>
        {
            ["id"] = Run.Context.User.Id, ["name"] = Run.Context.User.Name, ["roles"] = Run.Context.User.Roles,
        }));
        engine.Advanced.AddLazyGlobal("tenant", _ => JsConvert.ToJs(engine, new Dictionary<string, object?> { ["id"] = Run.Context.Tenant }));
        engine.Advanced.AddLazyGlobal("input", _ => Run.Context.Input is { } input ? JsConvert.ToJs(engine, input) : JsValue.Undefined);
        engine.Advanced.AddLazyGlobal("crm", _ => Run.Context.Crm is null ? JsValue.Undefined : _crm);
    }

    public void Begin(ScriptRun run) => _run = run;

    public void End() => _run = null;

    /// <summary>The record's own fields after the run (helpers excluded), for the caller to apply.</summary>
    public static Dictionary<string, object?> ReadRecord(ScriptRun run)
    {
        if (run.Record is not ObjectInstance record) return new Dictionary<string, object?>(run.Context.Record);
        var values = new Dictionary<string, object?>();
        foreach (var key in record.GetOwnPropertyKeys(Types.String))
        {
            var name = key.ToString();
            if (!RecordHelpers.Contains(name)) values[name] = JsConvert.FromJs(record.Get(key));
        }
        return values;
    }

    private JsValue RecordOf(ScriptContext context)
    {
        var record = (JsObject)JsConvert.ToJs(engine, context.Record);
        Hidden(record, "previous", context.Previous is null ? JsValue.Null : JsConvert.ToJs(engine, context.Previous));
        Hidden(record, "changed", _changed);
        return record;
    }

    /// <summary>
    /// require(name): runs a library of the tenant once per run, on this engine (so every limit applies to it), and
    /// returns its module.exports. Libraries are prepared once and cached like other scripts; a cycle gets the exports
    /// filled so far, as in CommonJS.
    /// </summary>
    private JsValue Require(JsValue[] args)
    {
        var run = Run;
        var name = Arg(args, 0);
        if (run.Libraries.TryGetValue(name, out var done)) return done;
        if (run.Context.Libraries?.GetValueOrDefault(name) is not { } library)
            throw new JavaScriptException($"require('{name}'): there is no library '{name}' in this tenant's modules");
        var entry = cache.GetLibrary(library);
        if (entry.Error is { } syntax) throw new JavaScriptException($"require('{name}'): {syntax}");
        var exports = new JsObject(engine);
        var module = new JsObject(engine);
        module.Set("exports", exports);
        run.Libraries[name] = exports;
        var factory = engine.Evaluate(entry.Script!.Value);
        engine.Invoke(factory, module, exports);
        return run.Libraries[name] = module.Get("exports");
    }

    /// <summary>
    /// Each function reads its arguments first — a toString, getter or proxy trap of an argument is script code and runs
    /// on the script's clock — and only then counts the call and pauses the clock for the record service.
    /// </summary>
    private JsObject Crm()
    {
        var obj = new JsObject(engine);
        obj.Set("get", Function("get", args =>
        {
            var (entity, id) = (Arg(args, 0), Id(args, 1));
            return Call(query: true, (crm, ct) => crm.GetAsync(entity, id, ct));
        }));
        obj.Set("query", Function("query", args =>
        {
            var entity = Arg(args, 0);
            string? filter = args.Length > 1 && args[1].IsString() ? args[1].ToString() : null;
            int? top = args.Length > 2 && args[2].IsNumber() ? (int)TypeConverter.ToNumber(args[2]) : null;
            return Call(query: true, (crm, ct) => crm.QueryAsync(entity, filter, top, ct));
        }));
        obj.Set("create", Function("create", args =>
        {
            var (entity, values) = (Arg(args, 0), Values(args, 1));
            return Call(query: false, (crm, ct) => crm.CreateAsync(entity, values, ct));
        }));
        obj.Set("update", Function("update", args =>
        {
            var (entity, id, values) = (Arg(args, 0), Id(args, 1), Values(args, 2));
            return Call(query: false, (crm, ct) => crm.UpdateAsync(entity, id, values, ct));
        }));
        obj.Set("delete", Function("delete", args =>
        {
            var (entity, id) = (Arg(args, 0), Id(args, 1));
            return Call<object?>(query: false, async (crm, ct) =>
            {
                await crm.DeleteAsync(entity, id, ct);
                return null;
            });
        }));
        return obj;
    }

    /// <summary>
    /// Jint host functions are synchronous and the record service is async, so a call blocks on it — with the script's
    /// clock stopped (see <see cref="RunDeadline"/>) and bounded by the request's cancellation and the crm call timeout.
    /// Arguments are already plain CLR values here: nothing of the script runs while the clock is stopped.
    /// </summary>
    private JsValue Call<T>(bool query, Func<IScriptCrm, CancellationToken, Task<T>> call)
    {
        var run = Count(query);
        using var paused = deadline.Pause();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken);
        timeout.CancelAfter(RunDeadline.CrmCallTimeout);
        return JsConvert.ToJs(engine, call(run.Context.Crm!, timeout.Token).GetAwaiter().GetResult());
    }

    private ScriptRun Count(bool query)
    {
        var run = Run;
        if (run.Context.Crm is null) throw new JavaScriptException("crm is not available to this script");
        var limits = run.Context.Limits;
        if (query && ++run.CrmQueries > limits.MaxCrmQueries)
            throw new ScriptLimitExceededException("maxCrmQueries", $"more than {limits.MaxCrmQueries} crm queries");
        if (!query && ++run.CrmWrites > limits.MaxCrmWrites)
            throw new ScriptLimitExceededException("maxCrmWrites", $"more than {limits.MaxCrmWrites} crm writes");
        return run;
    }

    private ClrFunction Function(string name, Func<JsValue[], JsValue> body) =>
        new(engine, name, (_, args) => body(args));

    private static void Hidden(ObjectInstance target, string name, JsValue value) =>
        target.FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.Configurable));

    private static string Arg(JsValue[] args, int index) =>
        args.Length > index && !args[index].IsUndefined() && !args[index].IsNull() ? TypeConverter.ToString(args[index]) : "";

    private static Guid Id(JsValue[] args, int index)
    {
        var text = Arg(args, index);
        return Guid.TryParse(text, out var id) ? id : throw new JavaScriptException($"'{text}' is not a record id");
    }

    private static IReadOnlyDictionary<string, object?> Values(JsValue[] args, int index) =>
        args.Length > index && JsConvert.FromJs(args[index]) is Dictionary<string, object?> values ? values : new Dictionary<string, object?>();

    private static string Describe(JsValue value) =>
        value.IsObject() ? System.Text.Json.JsonSerializer.Serialize(JsConvert.FromJs(value)) : TypeConverter.ToString(value);

    private static string Truncate(string text) => text.Length <= MaxLogMessageLength ? text : text[..MaxLogMessageLength] + "…";
}
