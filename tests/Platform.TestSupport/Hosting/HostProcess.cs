using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// tests/Platform.OutboxCrashHost (the production host plus an outbox consumer that appends each delivery to its
/// <c>--journal</c> file) as a process of its own, on a free port, healthy before it is handed out; its output is kept
/// for failure messages. Suites that start it reference that project (ReferenceOutputAssembly="false") so it is built.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
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

    public static async Task<HostProcess> StartAsync(IEnumerable<string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HostDll());
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) });
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

    /// <summary>The host built in the same configuration as the running test assembly (bin/&lt;configuration&gt;/net10.0).</summary>
    private static string HostDll()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var path = Path.Combine(RepositoryPaths.Root, "tests", "Platform.OutboxCrashHost", "bin", output.Parent!.Name, output.Name, "Platform.OutboxCrashHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/Platform.OutboxCrashHost first.", path);
    }
}
