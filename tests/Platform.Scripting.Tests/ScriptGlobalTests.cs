using Jint.Native;
using Microsoft.Extensions.DependencyInjection;
using Platform.Scripting.Globals;

namespace Platform.Scripting.Tests;

/// <summary>A new global is one registered class: installed once per pooled engine, frozen, counted against its own limit.</summary>
public sealed class ScriptGlobalTests
{
    /// <summary><c>answer()</c>: 42, at most <see cref="MaxCalls"/> calls a run.</summary>
    private sealed class AnswerGlobal : IScriptGlobal
    {
        public const int MaxCalls = 3;
        public static int Installs;

        public string Name => "answer";

        public ScriptGlobalValue Install(ScriptGlobalHost host)
        {
            Interlocked.Increment(ref Installs);
            return ScriptGlobalValue.Constant(host.Function("answer", _ =>
            {
                host.Count("maxAnswerCalls", MaxCalls, "answer() calls");
                return JsNumber.Create(42);
            }));
        }
    }

    private sealed class MathGlobal : IScriptGlobal
    {
        public string Name => "Math";

        public ScriptGlobalValue Install(ScriptGlobalHost host) => ScriptGlobalValue.Constant(JsValue.Undefined);
    }

    private static IScriptExecutor Compose(Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddPlatformScripting().AddScriptGlobal<AnswerGlobal>();
        more?.Invoke(services);
        return services.BuildServiceProvider().GetRequiredService<IScriptExecutor>();
    }

    private static Task<ScriptResult> RunAsync(IScriptExecutor executor, string code) =>
        executor.ExecuteAsync(new ScriptSource("scripts/answer.js", code), new ScriptContext
        {
            Tenant = "acme", Limits = ScriptLimits.Hook, Record = new Dictionary<string, object?> { ["n"] = 1 },
            User = new ScriptUser("u1", "Ada", ["admin"]),
        }, CancellationToken.None);

    [Fact]
    public async Task A_registered_global_is_called_from_a_script_beside_the_built_in_ones()
    {
        var executor = Compose();

        var result = await RunAsync(executor, "log.info('asking'); record.n = answer(); answer() + record.n + (now() instanceof Date ? 0 : 1)");

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(84.0, Convert.ToDouble(result.Value));
        Assert.Equal(42.0, Convert.ToDouble(result.Record!["n"]));
        Assert.Single(result.Report.Logs);
    }

    [Fact]
    public async Task Its_calls_are_counted_against_its_limit_in_each_run()
    {
        var executor = Compose();

        var within = await RunAsync(executor, "answer(); answer(); answer()");
        var again = await RunAsync(executor, "answer(); answer(); answer()"); // same pooled engine: the count starts over
        var over = await RunAsync(executor, "for (let i = 0; i < 10; i++) answer();");

        Assert.True(within.Succeeded, within.Error?.ToString());
        Assert.True(again.Succeeded, again.Error?.ToString());
        Assert.Equal(ScriptErrorKind.LimitExceeded, over.Error!.Kind);
        Assert.Equal("maxAnswerCalls", over.Error.Limit);
        Assert.Contains("more than 3 answer() calls", over.Error.Message);
    }

    [Fact]
    public async Task It_is_installed_once_per_engine_and_frozen_like_the_built_ins()
    {
        var executor = Compose();
        var before = Volatile.Read(ref AnswerGlobal.Installs);
        for (var i = 0; i < 5; i++) Assert.True((await RunAsync(executor, "answer()")).Succeeded);
        var installs = Volatile.Read(ref AnswerGlobal.Installs) - before;

        var changed = await RunAsync(executor, "answer.extra = 1;");
        var replaced = await RunAsync(executor, "globalThis.answer = () => 0; answer()");
        var after = await RunAsync(executor, "answer()");

        Assert.InRange(installs, 1, 2); // one engine, reused (tests running beside this one use other executors)
        Assert.Equal(ScriptErrorKind.Runtime, changed.Error!.Kind); // a frozen function: TypeError in strict mode
        Assert.Equal(0.0, Convert.ToDouble(replaced.Value)); // a run may shadow it for itself…
        Assert.Equal(42.0, Convert.ToDouble(after.Value)); // …and the next run gets it back
    }

    [Fact]
    public void The_platform_globals_are_registrations_too()
    {
        var services = new ServiceCollection().AddPlatformScripting();

        var names = services.BuildServiceProvider().GetServices<IScriptGlobal>().Select(g => g.Name).ToList();

        Assert.Equal(["errors", "log", "now", "require", "record", "user", "tenant", "input", "crm"], names);
        Assert.Equal(names, ScriptGlobals.BuiltIn.Select(g => g.Name));
    }

    [Fact]
    public async Task A_global_named_like_a_built_in_is_refused()
    {
        var executor = Compose(s => s.AddScriptGlobal<MathGlobal>());

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(executor, "1"));
    }
}
