using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Records.Events;
using Platform.Records.Outbox;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// A failed outbox event stays failed across a host restart (the state is in the tenant's database, not the process),
/// and an administrator's retry on the new host delivers it to the consumer that failed, not again to the one that had it.
/// </summary>
public sealed class OutboxFailedRestartTests
{
    [Fact]
    public Task A_failed_event_stays_failed_after_a_restart_until_an_administrator_retries_it_on_sqlite() => FailRestartAndRetryAsync(TestProvider.Sqlite);

    [Fact]
    public Task A_failed_event_stays_failed_after_a_restart_until_an_administrator_retries_it_on_postgresql() => FailRestartAndRetryAsync(TestProvider.Postgres);

    private static async Task FailRestartAndRetryAsync(TestProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var probe = new Consumers();
        var tenant = "outboxfail";
        Guid eventId;
        await using (var host = Start(storage, probe))
        {
            var client = PlatformTestHost.AuthenticatedClient(host);
            await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(120));
            await PlatformTestHost.ApplyModulesAsync(host.Services, tenant, PlatformTestHost.ShippedModules);
            var id = (await ExpectAsync(await client.PostAsync($"/api/{tenant}/data/account", Body(new { name = "Doomed" })), HttpStatusCode.Created)).Id();
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/{tenant}/data/account/{id}")).StatusCode);

            await EventuallyAsync(async () => (await FailedAsync(client, tenant)).Any(e => e.Str("kind") == "deleted"));
            var failed = (await FailedAsync(client, tenant)).Single(e => e.Str("kind") == "deleted");
            Assert.Equal((2, "picky", id.ToString()), (failed.GetProperty("attempts").GetInt32(), failed.Str("consumer"), failed.Str("recordId")));
            var deliveredTo = failed.GetProperty("deliveredTo").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Contains("steady", deliveredTo);
            Assert.DoesNotContain("picky", deliveredTo);
            eventId = Guid.Parse(failed.Str("id"));
            Assert.Equal(2, probe.Picky.Count(e => e == eventId));
        }

        probe.PickyWorks = true;
        await using (var host = Start(storage, probe))
        {
            var client = PlatformTestHost.AuthenticatedClient(host);
            await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(120));
            // Several polls of the new host pass (every second here): none picks the failed event up again.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var still = Assert.Single(await FailedAsync(client, tenant), e => e.Str("id") == eventId.ToString());
            Assert.Equal(2, still.GetProperty("attempts").GetInt32());
            Assert.Equal(2, probe.Picky.Count(e => e == eventId));

            await ExpectAsync(await client.PostAsync($"/api/{tenant}/admin/outbox/{eventId}/retry", null), HttpStatusCode.OK);
            await EventuallyAsync(async () => (await FailedAsync(client, tenant)).Count == 0 && probe.Picky.Count(e => e == eventId) == 3);
            Assert.Equal(1, probe.Steady.Count(e => e == eventId));
        }
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Start(TestStorage storage, Consumers probe) => PlatformTestHost.Start(storage, new TestHostOptions
    {
        Settings = new Dictionary<string, string> { ["outbox:poll-seconds"] = "1", ["outbox:backoff-ms"] = "10", ["outbox:max-attempts"] = "2" },
        Services = services =>
        {
            services.AddSingleton<IOutboxConsumer>(new Recording("steady", probe.Steady, () => true));
            services.AddSingleton<IOutboxConsumer>(new Recording("picky", probe.Picky, () => probe.PickyWorks));
        },
    });

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> FailedAsync(HttpClient client, string tenant) =>
        (await ExpectAsync(await client.GetAsync($"/api/{tenant}/admin/outbox?status=failed"), HttpStatusCode.OK)).Values();

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60); // generous: a loaded machine delays the polls
        while (true)
        {
            if (await condition()) return;
            Assert.True(DateTime.UtcNow < deadline, "The outbox did not get there within 60 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>What both hosts' consumers saw (the process outlives the hosts); "picky" fails on deletions until told otherwise.</summary>
    private sealed class Consumers
    {
        public ConcurrentQueue<Guid> Steady { get; } = new();
        public ConcurrentQueue<Guid> Picky { get; } = new();
        public bool PickyWorks { get; set; }
    }

    private sealed class Recording(string name, ConcurrentQueue<Guid> seen, Func<bool> works) : IOutboxConsumer
    {
        public string Name => name;

        public Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
        {
            if (delivery.Event.Kind != RecordChangeKind.Deleted) return Task.CompletedTask;
            seen.Enqueue(delivery.Event.Id);
            if (!works()) throw new InvalidOperationException("cannot handle deletions");
            return Task.CompletedTask;
        }
    }
}
