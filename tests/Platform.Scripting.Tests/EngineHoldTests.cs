namespace Platform.Scripting.Tests;

/// <summary>
/// The scripts of one record write share an engine through a <see cref="ScriptEngineHold"/>: one rental for all of
/// them, each run still clean, and the engine back in the pool when the hold ends.
/// </summary>
public sealed class EngineHoldTests
{
    private static Task<ScriptResult> RunAsync(JintScriptExecutor executor, ScriptEngineHold hold, string code, string tenant = "acme") =>
        executor.ExecuteAsync(new ScriptSource("hold.js", code), new ScriptContext { Tenant = tenant, Engines = hold }, CancellationToken.None);

    [Fact]
    public async Task Runs_sharing_a_hold_keep_one_engine_out_of_the_pool_until_the_hold_ends()
    {
        var executor = new JintScriptExecutor();

        using (var hold = executor.HoldEngines())
        {
            for (var i = 0; i < 5; i++) Assert.True((await RunAsync(executor, hold, "1 + 1")).Succeeded);
            Assert.Equal(1, executor.EnginesCreated);
            Assert.Equal(0, executor.IdleEngines);
        }

        Assert.Equal(1, executor.IdleEngines);
    }

    [Fact]
    public async Task A_run_under_a_hold_sees_nothing_of_the_run_before()
    {
        var executor = new JintScriptExecutor();
        using var hold = executor.HoldEngines();

        Assert.True((await RunAsync(executor, hold, "globalThis.leak = 'secret'; var declared = 1;")).Succeeded);
        var next = await RunAsync(executor, hold, "typeof leak + ' ' + typeof declared");

        Assert.Equal("undefined undefined", next.Value);
        Assert.Equal(1, executor.EnginesCreated);
    }

    [Fact]
    public async Task A_held_engine_is_not_handed_to_another_tenant()
    {
        var executor = new JintScriptExecutor();
        using var hold = executor.HoldEngines();

        await RunAsync(executor, hold, "1", tenant: "acme");
        await RunAsync(executor, hold, "1", tenant: "globex");

        Assert.Equal(2, executor.EnginesCreated);
    }
}
