using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Records.Outbox;
using Platform.Runtime;
using Platform.Workflows.Runtime;
using Platform.Workflows.Triggers;

namespace Platform.Workflows.Tests;

/// <summary>
/// Record triggers delivered a claimed batch at a time: the trigger index, the batch's record reads and condition
/// runs, and the instances it starts together. Tests that drive a dispatcher themselves suspend the tenant first, so
/// the host's own dispatcher leaves its events alone.
/// </summary>
public abstract partial class WorkflowTests
{
    private IOutboxBatchConsumer TriggerConsumer =>
        (IOutboxBatchConsumer)Host.Services.GetServices<IOutboxConsumer>().Single(c => c.Name == "workflows.record-triggers");

    [Fact]
    public async Task A_batch_of_mixed_events_starts_exactly_the_instances_whose_triggers_match_and_hold()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("big", [new { id = "seen", type = "SetVariable", name = "seen", value = true }],
            trigger: new { type = "recordCreated", entity = "account", condition = "record.employees > 100" }));
        // Its condition throws for one record (logged, starts nothing) and holds for the others.
        await PublishAsync(tenant, Doc("fragile", [new { id = "seen", type = "SetVariable", name = "seen", value = true }],
            trigger: new { type = "recordCreated", entity = "account", condition = "record.employees == 13 ? missing.value : true" }));
        // No condition, but its step fails for one record: that instance faults alone, the batch's others finish.
        await PublishAsync(tenant, Doc("picky", [new { id = "check", type = "SetVariable", name = "checked", value = Expr("record.employees == 700 ? missing.value : 1") }],
            trigger: new { type = "recordCreated", entity = "account" }));
        var runtime = await SuspendAsync(tenant);

        var small = await CreateAsSystemAsync(runtime, "account", new { name = "Small", employees = 10 });
        var large = await CreateAsSystemAsync(runtime, "account", new { name = "Large", employees = 500 });
        var unlucky = await CreateAsSystemAsync(runtime, "account", new { name = "Unlucky", employees = 13 });
        var huge = await CreateAsSystemAsync(runtime, "account", new { name = "Huge", employees = 700 });
        await CreateAsSystemAsync(runtime, "contact", new { full_name = "Nobody triggers on me" });

        // One claim of every event: they reach the consumer as one batch.
        Assert.Equal(5, await new OutboxDispatcher([TriggerConsumer], new OutboxOptions()).DispatchAsync(runtime, CancellationToken.None));
        await ResumeAsync(tenant);

        Assert.Equal(new[] { large, huge }.Order(), (await StartedAsync(tenant, "big")).Keys.Order());
        Assert.Equal(new[] { small, large, huge }.Order(), (await StartedAsync(tenant, "fragile")).Keys.Order());
        var picky = await StartedAsync(tenant, "picky");
        Assert.Equal(new[] { small, large, unlucky, huge }.Order(), picky.Keys.Order());
        Assert.All((await StartedAsync(tenant, "big")).Values, status => Assert.Equal("finished", status));
        Assert.All((await StartedAsync(tenant, "fragile")).Values, status => Assert.Equal("finished", status));
        Assert.Equal("faulted", picky[huge]);
        Assert.All(picky.Where(p => p.Key != huge), p => Assert.Equal("finished", p.Value));
        Assert.False(await OutboxStore.HasPendingAsync(runtime, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_delivered_twice_starts_each_instance_once()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("twice", [new { id = "seen", type = "SetVariable", name = "seen", value = true }],
            trigger: new { type = "recordCreated", entity = "contact" }));
        var runtime = await Host.RuntimeAsync(tenant);
        var consumer = TriggerConsumer;
        var deliveries = Enumerable.Range(0, 3).Select(_ =>
        {
            var change = new OutboxEvent(Guid.NewGuid(), DateTime.UtcNow, "contact", Guid.NewGuid(), Platform.Records.Events.RecordChangeKind.Created, [], null, 0);
            return new OutboxDelivery(runtime, change, OutboxDelivery.KeyOf(change.Id, consumer.Name), 1);
        }).ToList();

        Assert.All(await consumer.HandleBatchAsync(deliveries, CancellationToken.None), Assert.Null);
        // The host stopped before recording them: the same deliveries again.
        var again = new List<OutboxDelivery>(deliveries.Select(d => d with { Attempt = 2 }));
        Assert.All(await consumer.HandleBatchAsync(again, CancellationToken.None), Assert.Null);

        var started = await StartedAsync(tenant, "twice");
        Assert.Equal(deliveries.Select(d => d.Event.RecordId).Order(), started.Keys.Order());
    }

    [Fact]
    public async Task A_published_version_is_used_by_the_next_event_even_when_another_host_published_it()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("versioned", [new { id = "seen", type = "SetVariable", name = "seen", value = true }],
            trigger: new { type = "recordCreated", entity = "account", condition = "record.employees < 0" }));
        var runtime = await SuspendAsync(tenant);
        var dispatcher = new OutboxDispatcher([TriggerConsumer], new OutboxOptions());
        await CreateAsSystemAsync(runtime, "account", new { name = "Before", employees = 5 });
        await dispatcher.DispatchAsync(runtime, CancellationToken.None);

        // Written straight to the shared database, as another host's publish is: nothing on this host hears of it.
        var changed = JsonSerializer.Serialize(Doc("versioned", [new { id = "seen", type = "SetVariable", name = "seen", value = true }],
            trigger: new { type = "recordCreated", entity = "account", condition = "record.employees > 0" }));
        Assert.Equal(2, await WorkflowDefinitionStore.PublishAsync(runtime, "versioned", changed, CancellationToken.None));
        var after = await CreateAsSystemAsync(runtime, "account", new { name = "After", employees = 5 });
        await dispatcher.DispatchAsync(runtime, CancellationToken.None);
        await ResumeAsync(tenant);

        var instance = Assert.Single(await InstancesAsync(tenant, "workflow=versioned"));
        Assert.Equal(after, instance.GetProperty("recordId").GetGuid());
        Assert.Equal(2, instance.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task One_tenants_triggers_never_fire_for_another_tenants_events()
    {
        var first = await Host.CreateTenantAsync();
        var second = await Host.CreateTenantAsync();
        // The same workflow id in both tenants, with opposite conditions and different entities.
        await PublishAsync(first, Doc("shared-id", [new { id = "seen", type = "SetVariable", name = "seen", value = true }],
            trigger: new { type = "recordCreated", entity = "contact", condition = "false" }));
        await PublishAsync(second, Doc("shared-id", [new { id = "seen", type = "SetVariable", name = "seen", value = true }],
            trigger: new { type = "recordCreated", entity = "account", condition = "true" }));
        var (firstRuntime, secondRuntime) = (await SuspendAsync(first), await SuspendAsync(second));
        var index = Host.Services.GetRequiredService<WorkflowTriggerIndex>();
        var dispatcher = new OutboxDispatcher([TriggerConsumer], new OutboxOptions());

        // Both tenants' indexes built, one after the other: each holds its own trigger only.
        await CreateAsSystemAsync(secondRuntime, "account", new { name = "Second's" });
        await dispatcher.DispatchAsync(secondRuntime, CancellationToken.None);
        var firstAccount = await CreateAsSystemAsync(firstRuntime, "account", new { name = "First's" });
        await CreateAsSystemAsync(firstRuntime, "contact", new { full_name = "First's" });
        await dispatcher.DispatchAsync(firstRuntime, CancellationToken.None);
        await ResumeAsync(first);
        await ResumeAsync(second);

        Assert.Empty(await InstancesAsync(first, "workflow=shared-id"));
        Assert.DoesNotContain(firstAccount, (await StartedAsync(second, "shared-id")).Keys);
        Assert.Single(await InstancesAsync(second, "workflow=shared-id"));
        var firstTriggers = await index.ForAsync(firstRuntime, CancellationToken.None);
        Assert.Empty(firstTriggers.For("account", Platform.Records.Events.RecordChangeKind.Created, []));
        Assert.Equal("false", Assert.Single(firstTriggers.For("contact", Platform.Records.Events.RecordChangeKind.Created, [])).Definition.Trigger.Condition);
    }

    /// <summary>Suspends the tenant once the host delivered what it had (its set-up's events), so the test's dispatcher has only the test's.</summary>
    private async Task<TenantRuntime> SuspendAsync(string tenant)
    {
        await DeliveredAsync(await Host.RuntimeAsync(tenant));
        await Host.Services.GetRequiredService<TenantAdministration>().SuspendAsync(tenant, CancellationToken.None);
        return await Host.RuntimeAsync(tenant);
    }

    private async Task ResumeAsync(string tenant) =>
        await Host.Services.GetRequiredService<TenantAdministration>().ResumeAsync(tenant, CancellationToken.None);

    private async Task<Guid> CreateAsSystemAsync(TenantRuntime runtime, string entity, object values)
    {
        var (record, _) = await Host.Services.GetRequiredService<RecordService>().CreateAsync(
            runtime, entity, JsonSerializer.SerializeToElement(values), RecordActor.System, null, CancellationToken.None);
        return (Guid)record!["id"]!;
    }

    /// <summary>The record each instance of the workflow started on, with the instance's status.</summary>
    private async Task<Dictionary<Guid, string>> StartedAsync(string tenant, string workflow) =>
        (await InstancesAsync(tenant, $"workflow={workflow}"))
            .ToDictionary(i => i.GetProperty("recordId").GetGuid(), i => i.GetProperty("status").GetString()!);
}
