using System.Diagnostics;

namespace Platform.Scripting.Tests;

/// <summary>
/// A tenant's scripts share <see cref="ScriptConcurrencyOptions.ScriptTimePerSecond"/> of running time: one that spent
/// its share waits before its next run (and fails with a named limit when the wait would be too long), other tenants do
/// not wait at all, and time inside crm calls is not counted.
/// </summary>
public sealed class TenantTimeShareTests
{
    /// <summary>A spin ends at its 300 ms time limit (the statement limit is out of the way).</summary>
    private static readonly ScriptLimits Short = ScriptLimits.Hook with { Timeout = TimeSpan.FromMilliseconds(300), MaxStatements = 1_000_000_000 };

    private static JintScriptExecutor Executor(TimeSpan maxWait) => new(concurrency: new ScriptConcurrencyOptions
    {
        MaxRunsPerTenant = 4, ScriptTimePerSecond = TimeSpan.FromMilliseconds(100), ScriptTimeBurst = TimeSpan.FromMilliseconds(100), MaxWait = maxWait,
    });

    private static Task<ScriptResult> RunAsync(JintScriptExecutor executor, string tenant, string code, IScriptCrm? crm = null) =>
        executor.ExecuteAsync(new ScriptSource("share.js", code), new ScriptContext { Tenant = tenant, Limits = Short, Crm = crm }, CancellationToken.None);

    [Fact]
    public async Task A_tenant_that_spent_its_share_waits_for_its_next_run_while_another_tenant_runs_at_once()
    {
        var executor = Executor(TimeSpan.FromSeconds(10));
        var spun = await RunAsync(executor, "a", "while (true) {}");
        Assert.Equal("timeout", spun.Error?.Limit);
        // A 300 ms spin against a 100 ms burst refilled at 100 ms/s leaves the tenant about 200 ms in debt: 2 s to repay.

        var other = Stopwatch.StartNew();
        Assert.Equal("b ran", (await RunAsync(executor, "b", "'b ran'")).Value);
        Assert.True(other.Elapsed < TimeSpan.FromMilliseconds(300), $"another tenant waited {other.Elapsed.TotalMilliseconds:0} ms");

        var next = Stopwatch.StartNew();
        Assert.Equal("a ran", (await RunAsync(executor, "a", "'a ran'")).Value);
        Assert.True(next.Elapsed >= TimeSpan.FromMilliseconds(150), $"the tenant in debt ran after {next.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_run_whose_turn_would_come_too_late_fails_with_the_tenant_script_time_limit()
    {
        var executor = Executor(TimeSpan.FromMilliseconds(100));
        await RunAsync(executor, "a", "while (true) {}");

        var refused = await RunAsync(executor, "a", "'never'");

        Assert.Equal("tenantScriptTime", refused.Error?.Limit);
        Assert.Equal(ScriptErrorKind.LimitExceeded, refused.Error?.Kind);
    }

    [Fact]
    public async Task Time_inside_crm_calls_is_not_charged_to_the_share()
    {
        var executor = Executor(TimeSpan.FromMilliseconds(100));
        var slow = new EchoCrm { Delay = TimeSpan.FromMilliseconds(400) };
        for (var i = 0; i < 3; i++)
            Assert.True((await RunAsync(executor, "a", "crm.get('account', '0190a0b0-0000-7000-8000-000000000000'); 'ok'", slow)).Succeeded);

        var next = await RunAsync(executor, "a", "'still in share'");

        Assert.True(next.Succeeded, next.Error?.ToString());
    }
}
