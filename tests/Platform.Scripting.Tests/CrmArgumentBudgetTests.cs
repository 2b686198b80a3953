namespace Platform.Scripting.Tests;

/// <summary>
/// A crm call's arguments are script code (toString, getters, proxy traps) and run on the script's clock: the clock
/// stops only for the record service's own work, once the arguments are plain values.
/// </summary>
public sealed class CrmArgumentBudgetTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(750);

    // The time limit is the one that must stop these: the statement limit is far away.
    private static readonly ScriptLimits Limits = ScriptLimits.Hook with { MaxStatements = 100_000_000 };

    [Theory]
    [InlineData("crm.get({ toString() { while (true) {} } }, '0190a0b0-0000-7000-8000-000000000000')")]
    [InlineData("crm.get('account', { toString() { while (true) {} } })")]
    [InlineData("crm.query({ toString() { while (true) {} } })")]
    [InlineData("crm.create('note', { get text() { while (true) {} } })")]
    [InlineData("crm.update('note', '0190a0b0-0000-7000-8000-000000000000', { get text() { while (true) {} } })")]
    [InlineData("crm.create('note', new Proxy({}, { ownKeys() { while (true) {} } }))")]
    [InlineData("crm.delete({ toString() { while (true) {} } }, '0190a0b0-0000-7000-8000-000000000000')")]
    public async Task A_loop_inside_a_crm_argument_is_stopped_by_the_runs_time_limit(string code)
    {
        var (result, elapsed) = await ScriptRunner.RunAsync(code, Limits, crm: new EchoCrm());

        Assert.Equal("timeout", result.Error?.Limit);
        Assert.True(elapsed < Limits.Timeout + Margin, $"'{code}' took {elapsed.TotalMilliseconds:0} ms against a {Limits.Timeout.TotalMilliseconds:0} ms limit");
    }

    [Fact]
    public async Task Time_inside_the_crm_call_itself_is_still_left_out()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crm = new EchoCrm { Hold = hold };
        var limits = ScriptLimits.Hook with { Timeout = TimeSpan.FromMilliseconds(300) };
        // On a thread of its own: the run blocks its thread while it waits inside the crm call.
        var run = Task.Run(() => ScriptRunner.RunAsync("crm.create('note', { text: 'x' }).text", limits, crm: crm));
        await crm.Called.Task;
        await Task.Delay(600);
        hold.SetResult();

        var (result, _) = await run;

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("x", result.Value);
    }
}
