using System.Net;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task A_fault_creates_an_incident_and_retry_continues_from_the_failed_activity()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("needs-paris",
        [
            new { id = "first", type = "SetVariable", name = "runs", value = Expr("(variables.runs || 0) + 1") },
            new { id = "check", type = "RunScript", script = "const a = crm.get('account', input.account); if (a.city !== 'Paris') throw new Error('city is ' + a.city); return a.city;", resultVariable = "city" },
        ], [Link("first", "Done", "check")]));
        var account = await CreateAsync(tenant, "account", new { name = "Acme", city = "Rome" });

        var started = await StartAsync(tenant, "needs-paris", new { input = new { account } });

        Assert.Equal("faulted", started.Str("status"));
        var id = started.GetProperty("id").GetGuid();
        var faulted = await InstanceAsync(tenant, id);
        var incident = Assert.Single(faulted.GetProperty("incidents").EnumerateArray());
        Assert.Equal("check", incident.Str("activity"));
        Assert.Contains("city is Rome", incident.Str("error"));
        Assert.Contains(faulted.GetProperty("journal").EnumerateArray(), e => e.Str("event") == "faulted" && e.Str("activity") == "check");
        Assert.Single(await InstancesAsync(tenant, "status=faulted&workflow=needs-paris"));

        await PatchAsync(tenant, "account", account, new { city = "Paris" });
        var retried = await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/instances/{id}/retry", null), HttpStatusCode.OK);

        Assert.Equal("finished", retried.Str("status"));
        var finished = await InstanceAsync(tenant, id);
        // Only the failed activity ran again.
        Assert.Equal(1, finished.GetProperty("variables").GetProperty("runs").GetInt64());
        Assert.Equal("Paris", finished.GetProperty("variables").Str("city"));
        Assert.Equal("retried", finished.GetProperty("incidents").EnumerateArray().Single().Str("resolution"));
        // A finished instance is neither retried nor cancelled.
        await ExpectProblemAsync(await Client.PostAsync($"{Workflows(tenant)}/instances/{id}/retry", null), HttpStatusCode.Conflict);
        await ExpectProblemAsync(await Client.PostAsync($"{Workflows(tenant)}/instances/{id}/cancel", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_ends_a_waiting_instance_and_its_timer()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        await PublishAsync(tenant, Doc("waits", [new { id = "wait", type = "Delay", duration = "PT2S" }, new { id = "after", type = "SetVariable", name = "done", value = true }],
            [Link("wait", "Done", "after")]));
        var id = (await StartAsync(tenant, "waits", new { })).GetProperty("id").GetGuid();

        var cancelled = await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/instances/{id}/cancel", null), HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.Str("status"));
        await Task.Delay(3000); // past the timer's due time: it must not fire
        var instance = await InstanceAsync(tenant, id);
        Assert.Equal("cancelled", instance.GetProperty("instance").Str("status"));
        Assert.False(instance.GetProperty("variables").TryGetProperty("done", out _));
        await ExpectProblemAsync(await Client.PostAsync($"{Workflows(tenant)}/instances/{Guid.NewGuid()}/cancel", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_record_run_as_a_role_without_the_right_faults_with_an_incident()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        await PublishAsync(tenant, Doc("as-reader",
            [new { id = "mark", type = "UpdateRecord", entity = "account", recordId = Expr("record.id"), values = new { city = "Changed" } }],
            trigger: new { type = "manual" }, runAs: new { role = "read-only" }));
        var account = await CreateAsync(tenant, "account", new { name = "Guarded", city = "Berlin" });

        var started = await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/as-reader/start", Body(new { recordId = account, entity = "account" })), HttpStatusCode.Created);

        Assert.Equal("faulted", started.Str("status"));
        var incident = (await InstanceAsync(tenant, started.GetProperty("id").GetGuid())).GetProperty("incidents").EnumerateArray().Single();
        Assert.Equal("mark", incident.Str("activity"));
        Assert.Contains("update", incident.Str("error"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Berlin", (await RecordAsync(tenant, "account", account)).Str("city"));
    }
}
