using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Records.Events;
using Platform.Records.Outbox;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task Record_updated_trigger_starts_one_instance_per_committed_write_that_changes_its_fields_and_meets_its_condition()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("big-account",
            [new { id = "mark", type = "UpdateRecord", entity = "account", recordId = Expr("record.id"), values = new { tier = "vip" } }],
            trigger: new { type = "recordUpdated", entity = "account", fields = new[] { "employees" }, condition = "record.employees > 100" }));
        var account = await CreateAsync(tenant, "account", new { name = "Acme", employees = 10 });

        var runtime = await Host.RuntimeAsync(tenant);
        // The condition sees the record as it is when the event is delivered (the outbox keeps ids, not values), so
        // each write is delivered before the next.
        await PatchAsync(tenant, "account", account, new { city = "Paris" });          // another field: no start
        await DeliveredAsync(runtime);
        await PatchAsync(tenant, "account", account, new { employees = 50 });          // condition false: no start
        await DeliveredAsync(runtime);
        await PatchAsync(tenant, "account", account, new { employees = 500 });         // starts
        await DeliveredAsync(runtime);
        // A write that rolls back leaves no event, so it starts nothing.
        var records = Host.Services.GetRequiredService<RecordService>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => records.InOneTransactionAsync<bool>(runtime, async () =>
        {
            await records.UpdateAsync(runtime, "account", account, JsonSerializer.SerializeToElement(new { employees = 900 }), null, RecordActor.System, CancellationToken.None);
            throw new InvalidOperationException("rolled back");
        }, CancellationToken.None));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await InstancesAsync(tenant, "workflow=big-account")).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        // Time for any wrongly started instance to show up.
        await Task.Delay(2500);
        var instances = await InstancesAsync(tenant, "workflow=big-account");
        var instance = (await WaitForStatusAsync(tenant, Assert.Single(instances).GetProperty("id").GetGuid(), "finished")).GetProperty("instance");
        Assert.Equal(account, instance.GetProperty("recordId").GetGuid());
        Assert.Equal(1, instance.GetProperty("version").GetInt64());
        Assert.Equal("vip", (await RecordAsync(tenant, "account", account)).GetProperty("tier").GetString());
        Assert.Equal(500, (await RecordAsync(tenant, "account", account)).GetProperty("employees").GetInt64());
        Assert.Single(await InstancesAsync(tenant, $"recordId={account}"));
    }

    private static async Task DeliveredAsync(Platform.Runtime.TenantRuntime runtime)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await OutboxStore.HasPendingAsync(runtime, CancellationToken.None))
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox was not delivered within 20 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_delivery_seen_twice_starts_one_instance()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("on-create", [new { id = "set", type = "SetVariable", name = "seen", value = true }],
            trigger: new { type = "recordCreated", entity = "contact" }));
        var runtime = await Host.RuntimeAsync(tenant);
        var consumer = Host.Services.GetServices<IOutboxConsumer>().Single(c => c.Name == "workflows.record-triggers");
        var change = new OutboxEvent(Guid.NewGuid(), DateTime.UtcNow, "contact", Guid.NewGuid(), RecordChangeKind.Created, [], null, 0);
        var delivery = new OutboxDelivery(runtime, change, OutboxDelivery.KeyOf(change.Id, consumer.Name), 1);

        await consumer.HandleAsync(delivery, CancellationToken.None);
        await consumer.HandleAsync(delivery with { Attempt = 2 }, CancellationToken.None);

        var instance = Assert.Single(await InstancesAsync(tenant, "workflow=on-create"));
        Assert.Equal(change.RecordId, instance.GetProperty("recordId").GetGuid());
    }
}
