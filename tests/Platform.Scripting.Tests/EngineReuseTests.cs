namespace Platform.Scripting.Tests;

/// <summary>
/// A tenant's runs reuse pooled engines; nothing one run does — globals, declarations, changes to built-ins or host
/// objects — is visible to the next, engines are never shared between tenants, and an engine a limit stopped is dropped.
/// </summary>
public sealed class EngineReuseTests
{
    private static ScriptContext Context(string tenant, Dictionary<string, object?>? record = null) =>
        new() { Tenant = tenant, Record = record ?? new Dictionary<string, object?>(), User = new ScriptUser("u1", "Ada", ["admin"]) };

    private static async Task<ScriptResult> RunAsync(JintScriptExecutor executor, string code, string tenant = "acme", Dictionary<string, object?>? record = null) =>
        await executor.ExecuteAsync(new ScriptSource("reuse.js", code), Context(tenant, record), CancellationToken.None);

    [Fact]
    public async Task A_tenants_runs_reuse_one_engine_and_tenants_never_share_one()
    {
        var executor = new JintScriptExecutor();

        for (var i = 0; i < 50; i++) Assert.True((await RunAsync(executor, "record.n = 1")).Succeeded);
        await RunAsync(executor, "record.n = 1", tenant: "globex");

        Assert.Equal(2, executor.EnginesCreated);
        Assert.Equal(2, executor.IdleEngines);
    }

    [Fact]
    public async Task Nothing_a_run_declares_or_changes_survives_into_the_next_run()
    {
        var executor = new JintScriptExecutor();
        var first = await RunAsync(executor, """
            var declared = 'secret'; let lexical = 'secret'; const constant = 'secret'; function fn() { return 'secret'; }
            class Klass {}
            globalThis.added = 'secret';
            this.viaThis = 'secret';
            const attempts = [
              () => { Object.prototype.polluted = 'secret'; }, () => { Array.prototype.push = null; },
              () => { String.prototype.repeat = () => 'secret'; }, () => { Math.max = () => 0; }, () => { JSON.parse = null; },
              () => { errors.stash = 'secret'; }, () => { log.info.stash = 'secret'; }, () => { record.changed.stash = 'secret'; },
              () => { Object.defineProperty(Object.prototype, 'sneaky', { value: 1 }); },
              () => { Object.getPrototypeOf(function* () {}).stash = 'secret'; },
            ];
            const refused = attempts.filter(a => { try { a(); return false; } catch (e) { return e instanceof TypeError; } }).length;
            Object.setPrototypeOf(globalThis, { inherited: 'secret' });
            globalThis.Math = null;
            refused
            """, record: new() { ["name"] = "first" });
        Assert.True(first.Succeeded, first.Error?.ToString());
        Assert.Equal(10L, first.Value);

        var second = await RunAsync(executor, """
            [typeof declared, typeof lexical, typeof constant, typeof fn, typeof Klass, typeof added, typeof viaThis, typeof inherited,
             typeof ({}).polluted, typeof ({}).sneaky, typeof [].push, 'ab'.repeat(2), Math.max(1, 2), typeof JSON.parse,
             typeof errors.stash, typeof log.info.stash, typeof record.changed.stash, record.name].join()
            """, record: new() { ["name"] = "second" });

        Assert.True(second.Succeeded, second.Error?.ToString());
        Assert.Equal("undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,function,abab,2,function,undefined,undefined,undefined,second",
            second.Value);
        Assert.Equal(1, executor.EnginesCreated);
    }

    [Fact]
    public async Task Frozen_built_ins_still_let_scripts_override_inherited_names_on_their_own_objects()
    {
        var (result, _) = await ScriptRunner.RunAsync("""
            class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } }
            const o = {}; o.toString = () => 'custom'; o.valueOf = () => 42; o.constructor = 'mine';
            const e = new TypeError('x'); e.message = 'changed';
            [new ValidationError('bad').name, String(o), o + 0, o.constructor, e.message, new Error('m').name, ({}).toString()].join()
            """);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("ValidationError,custom,42,mine,changed,Error,[object Object]", result.Value);
    }

    [Fact]
    public async Task Changing_a_built_in_is_a_type_error_with_its_line()
    {
        var (result, _) = await ScriptRunner.RunAsync("const a = 1;\nArray.prototype.includes = () => true;");

        Assert.Equal(ScriptErrorKind.Runtime, result.Error!.Kind);
        Assert.Equal(2, result.Error.Line);
        Assert.Contains("read only", result.Error.Message);
    }

    [Fact]
    public async Task An_engine_stopped_by_a_limit_is_dropped_and_a_thrown_error_keeps_it()
    {
        var executor = new JintScriptExecutor();
        await RunAsync(executor, "1");

        var thrown = await RunAsync(executor, "throw new Error('refused')");
        Assert.Equal(ScriptErrorKind.Runtime, thrown.Error!.Kind);
        Assert.Equal(1, executor.EnginesCreated);

        var stopped = await executor.ExecuteAsync(new ScriptSource("loop.js", "while (true) {}"),
            Context("acme") with { Limits = ScriptLimits.Hook with { MaxStatements = 1_000 } }, CancellationToken.None);
        Assert.Equal("maxStatements", stopped.Error!.Limit);
        var afterLimit = await executor.ExecuteAsync(new ScriptSource("loop.js", "let i = 0; while (i < 10) i++; i"),
            Context("acme") with { Limits = ScriptLimits.Hook with { MaxStatements = 1_000 } }, CancellationToken.None);

        Assert.True(afterLimit.Succeeded, afterLimit.Error?.ToString());
        Assert.Equal(10L, afterLimit.Value);
        Assert.Equal(3, executor.EnginesCreated);
    }

    [Fact]
    public async Task Each_run_gets_its_own_time_budget_on_a_reused_engine()
    {
        var executor = new JintScriptExecutor();
        var limits = ScriptLimits.Hook with { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue };
        var context = Context("acme") with { Limits = limits };

        var slow = await executor.ExecuteAsync(new ScriptSource("slow.js", "const end = Date.now() + 150; while (Date.now() < end) {} 'done'"), context, CancellationToken.None);
        var again = await executor.ExecuteAsync(new ScriptSource("slow.js", "const end = Date.now() + 150; while (Date.now() < end) {} 'done'"), context, CancellationToken.None);
        var enginesForTwoSlowRuns = executor.EnginesCreated;
        var endless = await executor.ExecuteAsync(new ScriptSource("endless.js", "while (true) {}"), context, CancellationToken.None);

        Assert.Equal("done", slow.Value);
        Assert.Equal("done", again.Value);
        Assert.Equal("timeout", endless.Error!.Limit);
        Assert.Equal(1, enginesForTwoSlowRuns);
    }

    [Fact]
    public async Task Many_threads_running_one_tenants_scripts_each_see_their_own_record()
    {
        var executor = new JintScriptExecutor();
        var script = new ScriptSource("echo.js", "let seen = record.n; for (let i = 0; i < 200; i++) {} record.seen = seen; seen");

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(n => Task.Run(() =>
            executor.ExecuteAsync(script, Context("acme", new() { ["n"] = n }), CancellationToken.None))));

        for (var n = 0; n < results.Length; n++)
        {
            Assert.True(results[n].Succeeded, results[n].Error?.ToString());
            Assert.Equal((long)n, results[n].Value);
            Assert.Equal((long)n, results[n].Record["seen"]);
        }
        // As many engines as runs were in flight at once (thread-pool threads), not one per run.
        Assert.True(executor.EnginesCreated < 100, $"{executor.EnginesCreated} engines for 400 runs");
    }

    [Fact]
    public async Task Idle_engines_are_bounded_per_tenant_and_in_all()
    {
        var executor = new JintScriptExecutor(new ScriptEnginePoolOptions { MaxIdlePerTenant = 2, MaxIdle = 3 });
        var script = new ScriptSource("nested.js", "record.n");

        // Five runs in flight at once for one tenant (nested, as a hook's crm call fires another hook), then three tenants.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => executor.ExecuteAsync(script, Context("acme"), CancellationToken.None))));
        var afterOneTenant = executor.IdleEngines;
        foreach (var tenant in new[] { "globex", "initech", "umbrella" }) await executor.ExecuteAsync(script, Context(tenant), CancellationToken.None);

        Assert.InRange(afterOneTenant, 1, 2);
        Assert.Equal(3, executor.IdleEngines);
    }

    [Fact]
    public async Task Engines_idle_past_their_lifetime_are_dropped_and_resting_ones_still_run()
    {
        var executor = new JintScriptExecutor(new ScriptEnginePoolOptions
        {
            IdleLifetime = TimeSpan.FromSeconds(2), QuietAfter = TimeSpan.FromMilliseconds(100), TrimInterval = TimeSpan.FromMilliseconds(50),
        });
        await RunAsync(executor, "1", tenant: "old");
        await RunAsync(executor, "1", tenant: "resting");
        await Task.Delay(300);
        // A return after the trim interval quietens both (idle past QuietAfter); the resting tenant's engine still serves it.
        await RunAsync(executor, "1", tenant: "busy");
        var resting = await RunAsync(executor, "record.n * 2", tenant: "resting", record: new() { ["n"] = 21 });
        await Task.Delay(2_300);
        await RunAsync(executor, "1", tenant: "busy");

        Assert.Equal(42L, resting.Value);
        Assert.Equal(3, executor.EnginesCreated);
        // "old" and "resting" were dropped after their lifetime; "busy" is back in the pool.
        Assert.Equal(1, executor.IdleEngines);
    }
}
