using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Records.Outbox;
using Platform.Runtime;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// Outbox deliveries that keep failing: after the attempt limit the event is failed (terminal, no dispatcher claims it),
/// an administrator lists it through /admin/outbox and re-queues it, and consumers that had it are not run again.
/// </summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task An_event_failing_the_attempt_limit_is_failed_and_no_dispatcher_tries_it_again_until_it_is_requeued()
    {
        var (tenant, runtime) = await SuspendedTenantAsync();
        var id = await CreateAsSystemAsync(tenant, "Always failing");
        var steady = new CountingConsumer("steady");
        var flaky = new CountingConsumer("flaky") { FailuresLeft = 3 };
        var options = new OutboxOptions { Backoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(1), MaxAttempts = 3 };

        for (var pass = 0; pass < 6; pass++)
        {
            await new OutboxDispatcher([flaky, steady], options).DispatchAsync(runtime, CancellationToken.None);
            await Task.Delay(20);
        }

        var row = (await OutboxRowsAsync(tenant)).Single();
        Assert.Equal(3L, row["attempts"]);
        Assert.Null(row["dispatched_at"]);
        Assert.Contains("flaky: consumer down", (string)row["last_error"]!);
        Assert.Equal(0, flaky.FailuresLeft);
        Assert.False(flaky.RecordIds.ContainsKey(id));
        Assert.Equal(1, steady.RecordIds[id]);
        // A dispatcher started afresh (a restart) finds nothing to do: the failed state is in the database.
        Assert.False(await OutboxStore.HasPendingAsync(runtime, CancellationToken.None));
        Assert.Equal(0, await new OutboxDispatcher([flaky, steady], options).DispatchAsync(runtime, CancellationToken.None));
        var failed = Assert.Single(await OutboxAdminStore.ListAsync(runtime, OutboxEntry.Failed, 100, CancellationToken.None));
        Assert.Equal((id, "flaky", 3), (failed.Event.RecordId, failed.FailedConsumer, failed.Event.Attempts));
        Assert.Equal(["steady"], failed.DeliveredTo);
        Assert.Empty(await OutboxAdminStore.ListAsync(runtime, OutboxEntry.Pending, 100, CancellationToken.None));

        Assert.True(await OutboxAdminStore.RequeueAsync(runtime, failed.Event.Id, CancellationToken.None));
        Assert.Equal(1, await new OutboxDispatcher([flaky, steady], options).DispatchAsync(runtime, CancellationToken.None));

        Assert.Equal(1, flaky.RecordIds[id]);
        Assert.Equal(1, steady.RecordIds[id]); // had it before the re-queue: not run again
        Assert.Equal(4, Assert.Single(flaky.Deliveries).Attempt);
        Assert.NotNull((await OutboxRowsAsync(tenant)).Single()["dispatched_at"]);
        Assert.False(await OutboxAdminStore.RequeueAsync(runtime, failed.Event.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Administrators_list_failed_outbox_events_of_their_tenant_only_and_retry_them_through_the_api()
    {
        var (tenant, runtime) = await SuspendedTenantAsync();
        var id = await CreateAsSystemAsync(tenant, "Failed once");
        await new OutboxDispatcher([new CountingConsumer("flaky") { FailuresLeft = 1 }], new OutboxOptions { MaxAttempts = 1 }).DispatchAsync(runtime, CancellationToken.None);
        await Host.Services.GetRequiredService<TenantAdministration>().ResumeAsync(tenant, CancellationToken.None);
        var other = await Host.CreateTenantAsync();
        var (reader, _) = await Host.CreateUserClientAsync(tenant, "outbox-reader", roles: ["salesperson"]);

        var listed = Assert.Single((await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/outbox?status=failed"), HttpStatusCode.OK)).Values());
        Assert.Equal((id, "failed", "flaky", 1), (Guid.Parse(listed.Str("recordId")), listed.Str("status"), listed.Str("consumer"), listed.GetProperty("attempts").GetInt32()));
        Assert.Contains("consumer down", listed.Str("lastError"));
        Assert.Equal("account", listed.Str("entity"));
        Assert.Contains("test-recorder", listed.GetProperty("pendingConsumers").EnumerateArray().Select(c => c.GetString()));
        var eventId = Guid.Parse(listed.Str("id"));

        // Another tenant's administrator neither sees nor re-queues it; a user who is not an administrator is refused.
        Assert.DoesNotContain((await ExpectAsync(await Client.GetAsync($"/api/{other}/admin/outbox?status=failed"), HttpStatusCode.OK)).Values(), e => e.Str("id") == eventId.ToString());
        await ExpectProblemAsync(await Client.PostAsync($"/api/{other}/admin/outbox/{eventId}/retry", null), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await reader.GetAsync($"/api/{tenant}/admin/outbox?status=failed"), HttpStatusCode.Forbidden);
        await ExpectProblemAsync(await reader.PostAsync($"/api/{tenant}/admin/outbox/{eventId}/retry", null), HttpStatusCode.Forbidden);
        await ExpectProblemAsync(await Client.GetAsync($"/api/{tenant}/admin/outbox?status=lost"), HttpStatusCode.BadRequest);
        await ExpectProblemAsync(await Client.PostAsync($"/api/{tenant}/admin/outbox/{Guid.NewGuid()}/retry", null), HttpStatusCode.NotFound);
        Assert.DoesNotContain(Recorder.Received(tenant), d => d.Event.Id == eventId);

        var retried = await ExpectAsync(await Client.PostAsync($"/api/{tenant}/admin/outbox/{eventId}/retry", null), HttpStatusCode.OK);
        Assert.Equal(eventId.ToString(), retried.Str("id"));
        // The host's dispatcher delivers it now (it was woken), once.
        var delivery = Assert.Single(await DeliveriesOfAsync(tenant, id, 1));
        Assert.Equal(2, delivery.Attempt);
        await WaitUntilAsync(async () => (await OutboxRowsAsync(tenant)).Single(r => (Guid)r["id"]! == eventId)["dispatched_at"] is not null);
        Assert.Empty((await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/outbox?status=failed"), HttpStatusCode.OK)).Values());
        var twice = await ExpectProblemAsync(await Client.PostAsync($"/api/{tenant}/admin/outbox/{eventId}/retry", null), HttpStatusCode.Conflict);
        Assert.Contains("delivered", twice.Str("detail"));
    }
}
