using System.Diagnostics;
using System.Net;

namespace Platform.Benchmarks.Load;

/// <summary>
/// Drives requests (GETs, or any request a factory builds) from a fixed number of concurrent workers over keep-alive connections and counts the
/// successful responses. Bodies are read in full, so serialisation and transfer are part of every request.
/// </summary>
public sealed class HttpLoad : IDisposable
{
    private readonly HttpClient _client;
    private readonly int _concurrency;

    public HttpLoad(Uri baseAddress, int concurrency)
    {
        _concurrency = concurrency;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client => _client;

    /// <summary>Runs every worker for <paramref name="duration"/>; <paramref name="url"/> picks each request's path.</summary>
    public Task<LoadResult> RunAsync(Func<Random, string> url, TimeSpan duration) =>
        RunAsync(r => new HttpRequestMessage(HttpMethod.Get, url(r)), HttpStatusCode.OK, duration);

    /// <summary>Runs every worker for <paramref name="duration"/>; <paramref name="request"/> builds each request, which must answer <paramref name="expected"/>.</summary>
    public async Task<LoadResult> RunAsync(Func<Random, HttpRequestMessage> request, HttpStatusCode expected, TimeSpan duration)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, _concurrency).Select(i => WorkerAsync(request, expected, new Random(i * 7919 + Environment.TickCount), stopwatch, duration)).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed;
        return new LoadResult(results.Sum(r => r.Ok), results.Sum(r => r.Failed), elapsed, results.Select(r => r.FirstFailure).FirstOrDefault(f => f is not null))
        {
            ProcessCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu,
            AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated,
        };
    }

    private async Task<(long Ok, long Failed, string? FirstFailure)> WorkerAsync(
        Func<Random, HttpRequestMessage> request, HttpStatusCode expected, Random random, Stopwatch clock, TimeSpan duration)
    {
        await Task.Yield();
        long ok = 0, failed = 0;
        string? firstFailure = null;
        while (clock.Elapsed < duration)
        {
            using var message = request(random);
            var path = $"{message.Method} {message.RequestUri}";
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode == expected && body.Length > 0) ok++;
            else
            {
                failed++;
                firstFailure ??= $"{(int)response.StatusCode} {path}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(300, body.Length)))}";
            }
        }
        return (ok, failed, firstFailure);
    }

    public void Dispose() => _client.Dispose();
}

/// <param name="ProcessCpu">CPU time of this whole process (server and client) while the load ran.</param>
/// <param name="AllocatedBytes">Bytes allocated by this whole process while the load ran.</param>
public sealed record LoadResult(long Ok, long Failed, TimeSpan Elapsed, string? FirstFailure)
{
    public static LoadResult Empty { get; } = new(0, 0, TimeSpan.Zero, null);

    public TimeSpan ProcessCpu { get; init; }
    public long AllocatedBytes { get; init; }

    public double PerSecond => Elapsed.TotalSeconds == 0 ? 0 : Ok / Elapsed.TotalSeconds;

    /// <summary>In-process CPU µs and allocated KB per request (client included, so only the difference between sides matters).</summary>
    public string PerRequest => Ok == 0 ? "" : $"{ProcessCpu.TotalMicroseconds / Ok:N0} µs CPU, {AllocatedBytes / 1024.0 / Ok:N1} KB allocated per request";

    public LoadResult Plus(LoadResult other) =>
        new(Ok + other.Ok, Failed + other.Failed, Elapsed + other.Elapsed, FirstFailure ?? other.FirstFailure)
        {
            ProcessCpu = ProcessCpu + other.ProcessCpu,
            AllocatedBytes = AllocatedBytes + other.AllocatedBytes,
        };
}
