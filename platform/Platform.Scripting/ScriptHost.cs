using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Platform.Scripting;

/// <summary>
/// The globals of one run — record, user, tenant, crm, errors, log, now, input — built as plain JS objects with narrow
/// host functions, and the counters that go into the run report.
/// </summary>
internal sealed class ScriptHost(Engine engine, ScriptContext context, CancellationToken crmToken, PreparedScriptCache cache)
{
    private const int MaxLogMessageLength = 2_000;
    private static readonly HashSet<string> RecordHelpers = ["previous", "changed"];

    public List<ScriptFieldError> FieldErrors { get; } = [];
    public List<ScriptLogEntry> Logs { get; } = [];
    public int CrmQueries { get; private set; }
    public int CrmWrites { get; private set; }
    public JsObject Record { get; private set; } = null!;

    public void Install()
    {
        Record = (JsObject)JsConvert.ToJs(engine, context.Record);
        var previous = context.Previous is null ? JsValue.Null : JsConvert.ToJs(engine, context.Previous);
        Hidden(Record, "previous", previous);
        Hidden(Record, "changed", Function("changed", args =>
        {
            if (context.Previous is null) return JsBoolean.True;
            var field = Arg(args, 0);
            var was = previous is ObjectInstance p ? p.Get(field) : JsValue.Undefined;
            return Equals(JsConvert.FromJs(Record.Get(field)), JsConvert.FromJs(was)) ? JsBoolean.False : JsBoolean.True;
        }));
        engine.SetValue("record", Record);
        engine.SetValue("user", JsConvert.ToJs(engine, new Dictionary<string, object?>
        {
            ["id"] = context.User.Id, ["name"] = context.User.Name, ["roles"] = context.User.Roles,
        }));
        engine.SetValue("tenant", JsConvert.ToJs(engine, new Dictionary<string, object?> { ["id"] = context.Tenant }));
        if (context.Input is not null) engine.SetValue("input", JsConvert.ToJs(engine, context.Input));
        engine.SetValue("now", Function("now", _ => JsValue.FromObject(engine, context.Clock().UtcDateTime)));

        var errors = new JsObject(engine);
        errors.Set("add", Function("add", args =>
        {
            FieldErrors.Add(new ScriptFieldError(Arg(args, 0), Truncate(Arg(args, 1))));
            return JsValue.Undefined;
        }));
        engine.SetValue("errors", errors);

        var log = new JsObject(engine);
        foreach (var level in new[] { "info", "warn", "error" })
            log.Set(level, Function(level, args =>
            {
                if (Logs.Count >= context.Limits.MaxLogEntries)
                    throw new ScriptLimitExceededException("maxLogEntries", $"more than {context.Limits.MaxLogEntries} log entries");
                Logs.Add(new ScriptLogEntry(level, Truncate(string.Join(" ", args.Select(a => a.IsString() ? a.ToString() : Describe(a))))));
                return JsValue.Undefined;
            }));
        engine.SetValue("log", log);

        if (context.Crm is { } crm) engine.SetValue("crm", Crm(crm));
        engine.SetValue("require", Require());
    }

    /// <summary>
    /// require(name): runs a library of the tenant once per run, on this engine (so every limit applies to it), and
    /// returns its module.exports. Libraries are prepared once and cached like other scripts; a cycle gets the exports
    /// filled so far, as in CommonJS.
    /// </summary>
    private ClrFunction Require()
    {
        var loaded = new Dictionary<string, JsValue>(StringComparer.Ordinal);
        return Function("require", args =>
        {
            var name = Arg(args, 0);
            if (loaded.TryGetValue(name, out var done)) return done;
            if (context.Libraries?.GetValueOrDefault(name) is not { } library)
                throw new JavaScriptException($"require('{name}'): there is no library '{name}' in this tenant's modules");
            var entry = cache.GetLibrary(library);
            if (entry.Error is { } syntax) throw new JavaScriptException($"require('{name}'): {syntax}");
            var exports = new JsObject(engine);
            var module = new JsObject(engine);
            module.Set("exports", exports);
            loaded[name] = exports;
            var factory = engine.Evaluate(entry.Script!.Value);
            engine.Invoke(factory, module, exports);
            return loaded[name] = module.Get("exports");
        });
    }

    /// <summary>The record's own fields after the run (helpers excluded), for the caller to apply.</summary>
    public Dictionary<string, object?> ReadRecord()
    {
        var values = new Dictionary<string, object?>();
        foreach (var key in Record.GetOwnPropertyKeys(Types.String))
        {
            var name = key.ToString();
            if (!RecordHelpers.Contains(name)) values[name] = JsConvert.FromJs(Record.Get(key));
        }
        return values;
    }

    private JsObject Crm(IScriptCrm crm)
    {
        // Jint host functions are synchronous; the record service is async, so each call blocks on it. The token is
        // cancelled at the script's timeout, because Jint cannot interrupt a host call that is still running.
        var obj = new JsObject(engine);
        obj.Set("get", Function("get", args =>
        {
            Count(query: true);
            return JsConvert.ToJs(engine, crm.GetAsync(Arg(args, 0), Id(args, 1), crmToken).GetAwaiter().GetResult());
        }));
        obj.Set("query", Function("query", args =>
        {
            Count(query: true);
            string? filter = args.Length > 1 && args[1].IsString() ? args[1].ToString() : null;
            int? top = args.Length > 2 && args[2].IsNumber() ? (int)TypeConverter.ToNumber(args[2]) : null;
            return JsConvert.ToJs(engine, crm.QueryAsync(Arg(args, 0), filter, top, crmToken).GetAwaiter().GetResult());
        }));
        obj.Set("create", Function("create", args =>
        {
            Count(query: false);
            return JsConvert.ToJs(engine, crm.CreateAsync(Arg(args, 0), Values(args, 1), crmToken).GetAwaiter().GetResult());
        }));
        obj.Set("update", Function("update", args =>
        {
            Count(query: false);
            return JsConvert.ToJs(engine, crm.UpdateAsync(Arg(args, 0), Id(args, 1), Values(args, 2), crmToken).GetAwaiter().GetResult());
        }));
        obj.Set("delete", Function("delete", args =>
        {
            Count(query: false);
            crm.DeleteAsync(Arg(args, 0), Id(args, 1), crmToken).GetAwaiter().GetResult();
            return JsValue.Undefined;
        }));
        return obj;
    }

    private void Count(bool query)
    {
        if (query && ++CrmQueries > context.Limits.MaxCrmQueries)
            throw new ScriptLimitExceededException("maxCrmQueries", $"more than {context.Limits.MaxCrmQueries} crm queries");
        if (!query && ++CrmWrites > context.Limits.MaxCrmWrites)
            throw new ScriptLimitExceededException("maxCrmWrites", $"more than {context.Limits.MaxCrmWrites} crm writes");
    }

    private ClrFunction Function(string name, Func<JsValue[], JsValue> body) =>
        new(engine, name, (_, args) => body(args));

    private static void Hidden(ObjectInstance target, string name, JsValue value) =>
        target.FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.Configurable));

    private static string Arg(JsValue[] args, int index) =>
        args.Length > index && !args[index].IsUndefined() && !args[index].IsNull() ? TypeConverter.ToString(args[index]) : "";

    private static Guid Id(JsValue[] args, int index) =>
        Guid.TryParse(Arg(args, index), out var id) ? id : throw new JavaScriptException(ErrorTypeNames(args, index));

    private static string ErrorTypeNames(JsValue[] args, int index) => $"'{Arg(args, index)}' is not a record id";

    private static IReadOnlyDictionary<string, object?> Values(JsValue[] args, int index) =>
        args.Length > index && JsConvert.FromJs(args[index]) is Dictionary<string, object?> values ? values : new Dictionary<string, object?>();

    private static string Describe(JsValue value) =>
        value.IsObject() ? System.Text.Json.JsonSerializer.Serialize(JsConvert.FromJs(value)) : TypeConverter.ToString(value);

    private static string Truncate(string text) => text.Length <= MaxLogMessageLength ? text : text[..MaxLogMessageLength] + "…";
}
