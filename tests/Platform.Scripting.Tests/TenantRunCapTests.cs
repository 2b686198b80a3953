namespace Platform.Scripting.Tests;

/// <summary>
/// The scripts of one tenant run at most <see cref="ScriptConcurrencyOptions.MaxRunsPerTenant"/> at a time: further runs
/// wait without holding a thread, other tenants are not held up, runs nested in a tenant's run go ahead, and a run that
/// waits too long fails with a named limit.
/// </summary>
public sealed class TenantRunCapTests
{
    private const string HeldCall = "crm.get('account', '0190a0b0-0000-7000-8000-000000000000'); 'done'";

    [Fact]
    public async Task A_tenants_run_past_its_cap_waits_while_other_tenants_run()
    {
        var executor = new JintScriptExecutor(concurrency: new ScriptConcurrencyOptions { MaxRunsPerTenant = 1 });
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = new EchoCrm { Hold = hold };
        var first = Task.Run(() => RunAsync(executor, "a", HeldCall, holder));
        await holder.Called.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var second = RunAsync(executor, "a", "'second'", new EchoCrm());
        var other = await RunAsync(executor, "b", "'other tenant'", new EchoCrm()).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);

        Assert.Equal("other tenant", other.Value);
        Assert.False(second.IsCompleted, "the tenant's second run started while its first held the only slot");
        hold.SetResult();
        Assert.Equal("done", (await first).Value);
        Assert.Equal("second", (await second.WaitAsync(TimeSpan.FromSeconds(10))).Value);
    }

    [Fact]
    public async Task A_run_that_cannot_get_a_slot_in_time_fails_with_the_concurrent_runs_limit()
    {
        var executor = new JintScriptExecutor(concurrency: new ScriptConcurrencyOptions { MaxRunsPerTenant = 1, MaxWait = TimeSpan.FromMilliseconds(200) });
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = new EchoCrm { Hold = hold };
        var first = Task.Run(() => RunAsync(executor, "a", HeldCall, holder));
        await holder.Called.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var refused = await RunAsync(executor, "a", "'never'", new EchoCrm());

        Assert.Equal("concurrentRuns", refused.Error?.Limit);
        Assert.Equal(ScriptErrorKind.LimitExceeded, refused.Error?.Kind);
        hold.SetResult();
        Assert.True((await first).Succeeded);
    }

    [Fact]
    public async Task A_run_started_inside_a_run_of_the_same_tenant_does_not_wait_for_a_slot()
    {
        var executor = new JintScriptExecutor(concurrency: new ScriptConcurrencyOptions { MaxRunsPerTenant = 1, MaxWait = TimeSpan.FromSeconds(5) });
        // As a hook's crm write fires another hook: the nested run starts from inside the outer run's crm call.
        var nested = new NestingCrm(executor);

        var outer = await Task.Run(() => RunAsync(executor, "a", "crm.create('note', {}).inner", nested)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(outer.Succeeded, outer.Error?.ToString());
        Assert.Equal("nested ran", outer.Value);
    }

    private static Task<ScriptResult> RunAsync(JintScriptExecutor executor, string tenant, string code, IScriptCrm crm) =>
        executor.ExecuteAsync(new ScriptSource("cap.js", code), new ScriptContext { Tenant = tenant, Crm = crm }, CancellationToken.None);

    private sealed class NestingCrm(JintScriptExecutor executor) : IScriptCrm
    {
        public async Task<IReadOnlyDictionary<string, object?>> CreateAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
        {
            await Task.Yield();
            var inner = await RunAsync(executor, "a", "'nested ran'", new EchoCrm());
            return new Dictionary<string, object?> { ["inner"] = inner.Succeeded ? inner.Value : inner.Error!.Message };
        }

        public Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entity, Guid id, CancellationToken ct) => throw new NotSupportedException();
        public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string entity, string? filter, int? top, CancellationToken ct) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<string, object?>> UpdateAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct) => throw new NotSupportedException();
        public Task DeleteAsync(string entity, Guid id, CancellationToken ct) => throw new NotSupportedException();
    }
}
