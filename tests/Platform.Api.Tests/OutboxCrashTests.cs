using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// A host process that commits a write and is killed before it delivers the event (its delivery is switched off, as a
/// crash right after the commit would leave it) loses nothing: the next start delivers the event, once, and a further
/// restart does not deliver it again. Real processes (tests/Platform.OutboxCrashHost: the host plus a consumer that
/// appends each delivery to a journal file), killed with SIGKILL.
/// </summary>
public sealed class OutboxCrashTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("platform-outbox-crash-").FullName;

    private string Journal => Path.Combine(_directory, "journal.txt");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public Task An_event_committed_before_the_process_is_killed_is_delivered_once_after_restart_on_sqlite() =>
        CrashAndRestartAsync(["--provider", "sqlite", "--data-dir", Path.Combine(_directory, "data")]);

    [Fact]
    public async Task An_event_committed_before_the_process_is_killed_is_delivered_once_after_restart_on_postgresql()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await CrashAndRestartAsync(["--provider", "postgres", "--connection", database.ConnectionString]);
    }

    private async Task CrashAndRestartAsync(string[] storage)
    {
        // Keys fixed across the three starts: tokens and encrypted values must survive the restarts.
        string[] common =
        [
            .. storage, "--modules-dir", RepositoryPaths.Modules, "--demo", "true", "--journal", Journal, "--outbox:poll-seconds", "1",
            "--auth:signing-key", Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('k', 48))),
            "--encryption:key", Convert.ToBase64String(new byte[32]), "--" + TestAdmin.PasswordSetting, TestAdmin.Password,
        ];

        Guid id;
        await using (var first = await HostProcess.StartAsync([.. common, "--outbox:deliver", "false"]))
        {
            id = await CreateAccountAsync(first.Client);
            first.Kill();
        }
        Assert.DoesNotContain(id.ToString(), File.Exists(Journal) ? await File.ReadAllTextAsync(Journal) : "");

        await using (var second = await HostProcess.StartAsync(common))
        {
            await WaitForJournalAsync(id, second);
            second.Kill();
        }

        // A third start finds the event delivered: several polls pass and nothing is handed out again.
        await using (var third = await HostProcess.StartAsync(common))
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            third.Kill();
        }
        var lines = await File.ReadAllLinesAsync(Journal);
        Assert.Single(lines, line => line.Contains($" account {id} Created ", StringComparison.Ordinal));
        // The demo tenant's sample records (written by the first process too) were each delivered once as well.
        var events = lines.Select(line => line.Split(' ')[0]).ToList();
        Assert.True(events.Count > 100, $"only {events.Count} deliveries");
        Assert.Equal(events.Count, events.Distinct().Count());
    }

    private static async Task<Guid> CreateAccountAsync(HttpClient client)
    {
        var token = await ExpectAsync(await client.PostAsJsonAsync("/api/demo/auth/token", new { username = TestAdmin.UserName, password = TestAdmin.Password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("access_token"));
        return (await ExpectAsync(await client.PostAsJsonAsync("/api/demo/data/account", new { name = "Survives the crash" }), HttpStatusCode.Created)).Id();
    }

    private async Task WaitForJournalAsync(Guid id, HostProcess host)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!File.Exists(Journal) || !(await File.ReadAllTextAsync(Journal)).Contains(id.ToString(), StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The event was not delivered after the restart. Host output:\n{host.Output}");
            await Task.Delay(100);
        }
    }
}
