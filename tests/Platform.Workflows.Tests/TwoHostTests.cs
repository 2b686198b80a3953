using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.TestSupport;
using Platform.Workflows.Tests.Support;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>
/// Two host processes on one PostgreSQL database run the same tenant: record updates made through either host start
/// exactly one instance each, timers due together fire exactly once each, and no instance runs a step twice (leases
/// by conditional update, bookmarks consumed by DELETE … RETURNING, due timers claimed with FOR UPDATE SKIP LOCKED,
/// outbox events claimed once). Both hosts poll timers every 200 ms and the outbox every second.
/// </summary>
public sealed class TwoHostTests
{
    private const string Tenant = "demo";
    private const int Updates = 30;
    private const int Timers = 30;

    [Fact]
    public async Task Two_hosts_on_one_postgresql_database_start_each_triggered_instance_once_and_fire_each_timer_once()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var directory = Directory.CreateTempSubdirectory("platform-two-hosts-").FullName;
        try
        {
            string[] common =
            [
                "--provider", "postgres", "--connection", database.ConnectionString, "--modules-dir", RepositoryPaths.Modules, "--demo", "true",
                "--outbox:poll-seconds", "1", "--workflows:poll-ms", "200",
                "--auth:signing-key", Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('k', 48))),
                "--encryption:key", Convert.ToBase64String(new byte[32]), "--" + TestAdmin.PasswordSetting, TestAdmin.Password,
                "--limits:tenant-requests-per-second", "0", "--limits:user-requests-per-second", "0",
            ];
            // One after the other, so the second finds the demo tenant the first created.
            await using var first = await HostProcess.StartAsync([.. common, "--journal", Path.Combine(directory, "first.txt")]);
            await using var second = await HostProcess.StartAsync([.. common, "--journal", Path.Combine(directory, "second.txt")]);
            HttpClient[] hosts = [first.Client, second.Client];
            foreach (var host in hosts) await SignInAsync(host);

            await PublishAsync(first.Client, TouchFlow);
            await PublishAsync(first.Client, TimerFlow);
            var account = (await ExpectAsync(await first.Client.PostAsync($"/api/{Tenant}/data/account", Body(new { name = "Two hosts", employees = 1 })), HttpStatusCode.Created))
                .GetProperty("id").GetGuid();
            // Both hosts pick up each other's definitions from the database.
            await Task.Delay(TimeSpan.FromSeconds(1));

            // Updates through either host, each changing employees: N committed changes.
            for (var i = 0; i < Updates; i++)
                await ExpectAsync(await hosts[i % 2].PatchAsync($"/api/{Tenant}/data/account/{account}", Body(new { employees = 100 + i })), HttpStatusCode.OK);

            // M timers waiting until one instant an hour ahead, started through either host...
            var at = DateTime.UtcNow.AddHours(1).ToString("O");
            var timers = new List<Guid>();
            for (var i = 0; i < Timers; i++)
            {
                var started = await ExpectAsync(await hosts[i % 2].PostAsync($"/api/{Tenant}/workflows/twohost-timer/start", Body(new { input = new { at } })), HttpStatusCode.Created);
                Assert.Equal("suspended", started.Str("status"));
                timers.Add(started.GetProperty("id").GetGuid());
            }
            // ...then all made due at once (the instant moved into the past), for both hosts' next polls.
            await using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    $"UPDATE \"tenant_{Tenant}\".\"platform_wf_bookmarks\" SET \"due_at\" = \"due_at\" - interval '61 minutes' WHERE \"due_at\" IS NOT NULL" +
                    // only this test's timers: the demo's shipped workflows (lead follow-up) wait on timers of their own
                    $" AND \"instance_id\" = ANY(@ids)", connection);
                command.Parameters.AddWithValue("ids", timers.ToArray());
                Assert.Equal(Timers, await command.ExecuteNonQueryAsync());
            }

            var touched = await WaitForFinishedAsync(first.Client, "twohost-touch", Updates, first, second);
            await WaitForFinishedAsync(first.Client, "twohost-timer", Timers, first, second);
            // A few more polls of both hosts: nothing more may start or fire.
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.Equal(Updates, (await InstancesAsync(first.Client, "twohost-touch")).Count);
            Assert.Equal(timers.Order(), (await InstancesAsync(first.Client, "twohost-timer")).Select(i => i.GetProperty("id").GetGuid()).Order());
            foreach (var id in touched.Select(i => i.GetProperty("id").GetGuid()).Concat(timers))
            {
                var journal = (await ExpectAsync(await hosts[0].GetAsync($"/api/{Tenant}/workflows/instances/{id}"), HttpStatusCode.OK))
                    .GetProperty("journal").EnumerateArray().Select(e => $"{e.GetProperty("activity").GetString()}:{e.Str("event")}").ToList();
                // No entry twice: every activity started, completed (and the timer resumed) exactly once.
                Assert.True(journal.Count == journal.Distinct().Count(), $"Instance {id} ran a step twice: {string.Join(", ", journal)}");
            }
            foreach (var id in timers)
            {
                var journal = (await ExpectAsync(await hosts[1].GetAsync($"/api/{Tenant}/workflows/instances/{id}"), HttpStatusCode.OK))
                    .GetProperty("journal").EnumerateArray().Select(e => $"{e.GetProperty("activity").GetString()}:{e.Str("event")}").ToList();
                Assert.Single(journal, e => e == "wait:resumed");
                Assert.Single(journal, e => e == "wait:completed");
            }

            // The outbox handed each record-change event to one host, once (the journal consumer of either process).
            var deliveries = (await ReadLinesAsync(Path.Combine(directory, "first.txt"))).Concat(await ReadLinesAsync(Path.Combine(directory, "second.txt")))
                .Where(line => line.Contains($" account {account} Updated ", StringComparison.Ordinal)).Select(line => line.Split(' ')[0]).ToList();
            Assert.Equal(Updates, deliveries.Count);
            Assert.Equal(Updates, deliveries.Distinct().Count());
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private const string TouchFlow = """
        { "schemaVersion": 1, "id": "twohost-touch", "label": { "en": "twohost-touch" },
          "trigger": { "type": "recordUpdated", "entity": "account", "fields": ["employees"] },
          "root": { "type": "Flowchart",
            "activities": [ { "id": "a", "type": "SetVariable", "name": "seen", "value": true },
                            { "id": "b", "type": "SetVariable", "name": "done", "value": true } ],
            "connections": [ { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } } ] } }
        """;

    private const string TimerFlow = """
        { "schemaVersion": 1, "id": "twohost-timer", "label": { "en": "twohost-timer" },
          "trigger": { "type": "manual" },
          "root": { "type": "Flowchart",
            "activities": [ { "id": "wait", "type": "WaitUntil", "at": { "expression": "input.at" } },
                            { "id": "after", "type": "SetVariable", "name": "done", "value": true } ],
            "connections": [ { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "after", "port": "In" } } ] } }
        """;

    private static async Task SignInAsync(HttpClient client)
    {
        var token = await ExpectAsync(await client.PostAsync($"/api/{Tenant}/auth/token", Body(new { username = TestAdmin.UserName, password = TestAdmin.Password })), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("access_token"));
    }

    private static async Task PublishAsync(HttpClient client, string doc)
    {
        var id = JsonDocument.Parse(doc).RootElement.Str("id");
        await ExpectAsync(await client.PutAsync($"/api/{Tenant}/workflows/{id}/draft", Body(doc)), HttpStatusCode.OK);
        await ExpectAsync(await client.PostAsync($"/api/{Tenant}/workflows/{id}/publish", null), HttpStatusCode.OK);
    }

    private static async Task<IReadOnlyList<JsonElement>> InstancesAsync(HttpClient client, string workflow) =>
        (await ExpectAsync(await client.GetAsync($"/api/{Tenant}/workflows/instances?workflow={workflow}"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();

    /// <summary>Waits until the workflow has at least <paramref name="count"/> instances, all finished.</summary>
    private static async Task<IReadOnlyList<JsonElement>> WaitForFinishedAsync(HttpClient client, string workflow, int count, HostProcess first, HostProcess second)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (true)
        {
            var instances = await InstancesAsync(client, workflow);
            if (instances.Count >= count && instances.All(i => i.Str("status") == "finished")) return instances;
            Assert.True(DateTime.UtcNow < deadline,
                $"{workflow}: {instances.Count} instances, {instances.Count(i => i.Str("status") == "finished")} finished, {count} expected.\n" +
                $"First host:\n{first.Output}\nSecond host:\n{second.Output}");
            await Task.Delay(200);
        }
    }

    private static async Task<IReadOnlyList<string>> ReadLinesAsync(string path) => File.Exists(path) ? await File.ReadAllLinesAsync(path) : [];
}
