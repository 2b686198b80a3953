using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task A_delay_timer_fires_after_the_host_restarts()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("later",
            [new { id = "wait", type = "Delay", duration = "PT3S" }, new { id = "after", type = "SetVariable", name = "done", value = true }],
            [Link("wait", "Done", "after")]));
        var started = await StartAsync(tenant, "later", new { });
        Assert.Equal("suspended", started.Str("status"));
        var id = started.GetProperty("id").GetGuid();

        // The host stops before the timer is due; the new host finds the timer in the database.
        await Host.RestartAsync();

        var instance = await WaitForStatusAsync(tenant, id, "finished");
        Assert.True(instance.GetProperty("variables").GetProperty("done").GetBoolean());
        var events = instance.GetProperty("journal").EnumerateArray().Select(e => $"{e.GetProperty("activity").GetString()}:{e.Str("event")}").ToList();
        Assert.Equal([":started", "wait:started", "wait:suspended", "wait:resumed", "wait:completed", "after:started", "after:completed"], events);
    }
}

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task A_suspended_tenant_runs_no_timers_until_it_is_resumed()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("paused",
            [new { id = "wait", type = "Delay", duration = "PT1S" }, new { id = "after", type = "SetVariable", name = "done", value = true }],
            [Link("wait", "Done", "after")]));
        var id = (await StartAsync(tenant, "paused", new { })).GetProperty("id").GetGuid();
        var administration = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Platform.Runtime.TenantAdministration>(Host.Services);

        await administration.SuspendAsync(tenant, CancellationToken.None);
        await Task.Delay(3000);
        var runtime = await Host.RuntimeAsync(tenant);
        Assert.Equal("suspended", (await Platform.Workflows.Runtime.WorkflowStore.FindInstanceAsync(runtime, id, CancellationToken.None))!.Status);
        await administration.ResumeAsync(tenant, CancellationToken.None);

        var instance = await WaitForStatusAsync(tenant, id, "finished");
        Assert.True(instance.GetProperty("variables").GetProperty("done").GetBoolean());
    }
}
