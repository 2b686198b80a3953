using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
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

    /// <summary>tests/Platform.OutboxCrashHost as a process of its own, on a free port, healthy before it is handed out.</summary>
    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private HostProcess(Process process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public static async Task<HostProcess> StartAsync(string[] settings)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(HostDll());
            foreach (var setting in settings) start.ArgumentList.Add(setting);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var host = new HostProcess(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
            process.OutputDataReceived += (_, e) => host.Append(e.Data);
            process.ErrorDataReceived += (_, e) => host.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (true)
            {
                Assert.False(process.HasExited, $"The host exited ({(process.HasExited ? process.ExitCode : 0)}):\n{host.Output}");
                Assert.True(DateTime.UtcNow < deadline, $"The host did not become healthy:\n{host.Output}");
                try
                {
                    using var health = await host.Client.GetAsync("/health");
                    if (health.IsSuccessStatusCode) return host;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(200);
            }
        }

        /// <summary>SIGKILL: no shutdown hooks, no flushing; what was committed is all that survives.</summary>
        public void Kill()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public ValueTask DisposeAsync()
        {
            Kill();
            Client.Dispose();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        /// <summary>The crash host built in the same configuration as this test assembly (bin/&lt;configuration&gt;/net10.0).</summary>
        private static string HostDll()
        {
            var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var path = Path.Combine(RepositoryPaths.Root, "tests", "Platform.OutboxCrashHost", "bin", output.Parent!.Name, output.Name, "Platform.OutboxCrashHost.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/Platform.OutboxCrashHost first.", path);
        }
    }
}
