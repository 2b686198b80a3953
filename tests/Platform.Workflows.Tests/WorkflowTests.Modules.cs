using Platform.Workflows.Tests.Support;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task A_workflow_shipped_in_a_module_is_published_when_the_module_is_applied_and_its_trigger_runs()
    {
        var tenant = await Host.CreateTenantAsync(null, WorkflowHost.TestModule("deal-desk"));
        var account = await CreateAsync(tenant, "account", new { name = "Initech" });
        var deal = await CreateAsync(tenant, "opportunity", new { name = "Big deal", account, probability = 20 });

        await PatchAsync(tenant, "opportunity", deal, new { probability = 90 });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<System.Text.Json.JsonElement> instances;
        while ((instances = await InstancesAsync(tenant, "workflow=likely-win")).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        var instance = (await WaitForStatusAsync(tenant, Assert.Single(instances).GetProperty("id").GetGuid(), "finished")).GetProperty("instance");
        Assert.Equal(1, instance.GetProperty("version").GetInt64());
        Assert.Equal(deal, instance.GetProperty("recordId").GetGuid());
        var email = Assert.Single(await Platform.Messaging.Email.EmailStore.ListAsync(await Host.RuntimeAsync(tenant), 10, CancellationToken.None));
        Assert.Equal("Big deal is likely to close", email.Subject);
        Assert.Equal(["desk@example.com"], email.To);
        // Applying the same module again publishes no new version.
        Assert.False((await Host.ApplyAsync(tenant, WorkflowHost.TestModule("deal-desk"))).HasErrors);
        var listed = (await ExpectAsync(await Client.GetAsync(Workflows(tenant)), System.Net.HttpStatusCode.OK)).GetProperty("value").EnumerateArray().Single(w => w.Str("id") == "likely-win");
        Assert.Equal(1, listed.GetProperty("publishedVersion").GetInt64());
    }

    [Fact]
    public async Task A_module_with_an_invalid_workflow_is_refused_with_every_error_naming_file_and_pointer()
    {
        var result = await Host.ApplyAsync("wfbroken", WorkflowHost.TestModule("broken-flows"));

        Assert.True(result.HasErrors);
        var errors = result.Errors.Where(e => e.File.EndsWith("bad.json", StringComparison.Ordinal)).ToList();
        Assert.Contains(errors, e => e.Pointer == "/trigger/entity" && e.Message.Contains("spaceship"));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/0/duration" && e.Message.Contains("is required"));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/1/condition/expression" && e.Message.Contains("not a valid expression"));
        Assert.Contains(errors, e => e.Pointer == "/root/connections/0/source/port" && e.Message.Contains("no port 'Nope'"));
    }
}
