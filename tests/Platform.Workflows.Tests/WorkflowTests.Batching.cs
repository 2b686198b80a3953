using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>
/// Steps of batchable activities (variables, branches, timers) share one transaction; when one of them fails, the
/// instance ends exactly as with one transaction per step: the steps before it committed, and it faults alone.
/// </summary>
public abstract partial class WorkflowTests
{
    [Fact]
    public async Task A_failing_step_after_batched_steps_faults_alone_and_the_steps_before_it_are_kept()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        await PublishAsync(tenant, Doc("batch-fails",
        [
            new { id = "one", type = "SetVariable", name = "runs", value = Expr("(variables.runs || 0) + 1") },
            new { id = "two", type = "SetVariable", name = "twice", value = Expr("variables.runs * 2") },
            new { id = "three", type = "SetVariable", name = "broken", value = Expr("variables.nothing.deeper") },
            new { id = "four", type = "SetVariable", name = "never", value = true },
        ], [Link("one", "Done", "two"), Link("two", "Done", "three"), Link("three", "Done", "four")]));

        var started = await StartAsync(tenant, "batch-fails", new { });

        Assert.Equal("faulted", started.Str("status"));
        var instance = await InstanceAsync(tenant, started.GetProperty("id").GetGuid());
        Assert.Equal("three", Assert.Single(instance.GetProperty("incidents").EnumerateArray()).Str("activity"));
        var variables = instance.GetProperty("variables");
        Assert.Equal(1, variables.GetProperty("runs").GetInt64());
        Assert.Equal(2, variables.GetProperty("twice").GetInt64());
        Assert.False(variables.TryGetProperty("never", out _));
        var journal = instance.GetProperty("journal").EnumerateArray().Select(e => $"{e.GetProperty("activity").GetString()}:{e.Str("event")}").ToList();
        Assert.Equal([":started", "one:started", "one:completed", "two:started", "two:completed", "three:faulted"], journal);
    }

    [Fact]
    public async Task A_new_instance_whose_first_step_fails_is_kept_faulted_with_an_incident()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        await PublishAsync(tenant, Doc("first-fails",
            [new { id = "one", type = "SetVariable", name = "broken", value = Expr("variables.nothing.deeper") }, new { id = "two", type = "SetVariable", name = "never", value = true }],
            [Link("one", "Done", "two")]));

        var started = await StartAsync(tenant, "first-fails", new { });

        Assert.Equal("faulted", started.Str("status"));
        var instance = await InstanceAsync(tenant, started.GetProperty("id").GetGuid());
        Assert.Equal("one", Assert.Single(instance.GetProperty("incidents").EnumerateArray()).Str("activity"));
        var journal = instance.GetProperty("journal").EnumerateArray().Select(e => $"{e.GetProperty("activity").GetString()}:{e.Str("event")}").ToList();
        Assert.Equal([":started", "one:faulted"], journal);
    }
}
