using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Platform.Scripting.Globals;

/// <summary>
/// <c>crm.get/query/create/update/delete/link/unlink</c> through the run's <see cref="IScriptCrm"/> (undefined when the script has
/// none), counted against <see cref="ScriptLimits.MaxCrmQueries"/> and <see cref="ScriptLimits.MaxCrmWrites"/>. Each
/// function reads its arguments first — a toString, getter or proxy trap of an argument is script code and runs on the
/// script's clock — and only then counts the call and pauses the clock for the record service.
/// </summary>
internal sealed class CrmGlobal : IScriptGlobal
{
    public string Name => "crm";

    public ScriptGlobalValue Install(ScriptGlobalHost host)
    {
        var obj = new JsObject(host.Engine);
        obj.Set("get", host.Function("get", args =>
        {
            var (entity, id) = (ScriptGlobalHost.Arg(args, 0), Id(args, 1));
            return Call(host, query: true, (crm, ct) => crm.GetAsync(entity, id, ct));
        }));
        obj.Set("query", host.Function("query", args =>
        {
            var entity = ScriptGlobalHost.Arg(args, 0);
            string? filter = args.Length > 1 && args[1].IsString() ? args[1].ToString() : null;
            int? top = args.Length > 2 && args[2].IsNumber() ? (int)TypeConverter.ToNumber(args[2]) : null;
            return Call(host, query: true, (crm, ct) => crm.QueryAsync(entity, filter, top, ct));
        }));
        obj.Set("create", host.Function("create", args =>
        {
            var (entity, values) = (ScriptGlobalHost.Arg(args, 0), Values(args, 1));
            return Call(host, query: false, (crm, ct) => crm.CreateAsync(entity, values, ct));
        }));
        obj.Set("update", host.Function("update", args =>
        {
            var (entity, id, values) = (ScriptGlobalHost.Arg(args, 0), Id(args, 1), Values(args, 2));
            return Call(host, query: false, (crm, ct) => crm.UpdateAsync(entity, id, values, ct));
        }));
        obj.Set("delete", host.Function("delete", args =>
        {
            var (entity, id) = (ScriptGlobalHost.Arg(args, 0), Id(args, 1));
            return Call<object?>(host, query: false, async (crm, ct) =>
            {
                await crm.DeleteAsync(entity, id, ct);
                return null;
            });
        }));
        // crm.link(entity, id, relation, targetId) and crm.unlink(...): writes (counted as such), answering a boolean.
        obj.Set("link", host.Function("link", args =>
        {
            var (entity, id, relation, targetId) = (ScriptGlobalHost.Arg(args, 0), Id(args, 1), ScriptGlobalHost.Arg(args, 2), Id(args, 3));
            return Call(host, query: false, (crm, ct) => crm.LinkAsync(entity, id, relation, targetId, ct));
        }));
        obj.Set("unlink", host.Function("unlink", args =>
        {
            var (entity, id, relation, targetId) = (ScriptGlobalHost.Arg(args, 0), Id(args, 1), ScriptGlobalHost.Arg(args, 2), Id(args, 3));
            return Call(host, query: false, (crm, ct) => crm.UnlinkAsync(entity, id, relation, targetId, ct));
        }));
        return ScriptGlobalValue.EachRun(() => host.Context.Crm is null ? JsValue.Undefined : obj, obj);
    }

    /// <summary>
    /// Jint host functions are synchronous and the record service is async, so a call blocks on it — with the script's
    /// clock stopped (see <see cref="RunDeadline"/>) and bounded by the request's cancellation and the crm call timeout.
    /// Arguments are already plain CLR values here: nothing of the script runs while the clock is stopped.
    /// </summary>
    private static JsValue Call<T>(ScriptGlobalHost host, bool query, Func<IScriptCrm, CancellationToken, Task<T>> call)
    {
        var run = Count(host, query);
        using var paused = host.Pause();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken);
        timeout.CancelAfter(RunDeadline.CrmCallTimeout);
        return JsConvert.ToJs(host.Engine, call(run.Context.Crm!, timeout.Token).GetAwaiter().GetResult());
    }

    private static ScriptRun Count(ScriptGlobalHost host, bool query)
    {
        var run = host.Run;
        if (run.Context.Crm is null) throw new JavaScriptException("crm is not available to this script");
        var limits = run.Context.Limits;
        if (query && ++run.CrmQueries > limits.MaxCrmQueries)
            throw new ScriptLimitExceededException("maxCrmQueries", $"more than {limits.MaxCrmQueries} crm queries");
        if (!query && ++run.CrmWrites > limits.MaxCrmWrites)
            throw new ScriptLimitExceededException("maxCrmWrites", $"more than {limits.MaxCrmWrites} crm writes");
        return run;
    }

    private static Guid Id(JsValue[] args, int index)
    {
        var text = ScriptGlobalHost.Arg(args, index);
        return Guid.TryParse(text, out var id) ? id : throw new JavaScriptException($"'{text}' is not a record id");
    }

    private static IReadOnlyDictionary<string, object?> Values(JsValue[] args, int index) =>
        args.Length > index && JsConvert.FromJs(args[index]) is Dictionary<string, object?> values ? values : new Dictionary<string, object?>();
}
