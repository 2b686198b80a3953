using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Platform.TestSupport;
using Xunit.Abstractions;

namespace Platform.Scripting.Tests;

/// <summary>
/// One tenant's scripts cannot starve another: while a tenant's hooks spin at their time limit (in the hook and inside
/// a crm argument) from many concurrent requests, another tenant on the same host keeps at least half the throughput
/// of its plain reads and writes. Quiet and loaded windows alternate, so load from outside the test weighs on both.
/// </summary>
public abstract class TenantFairnessHttpTests(TestProvider provider, ITestOutputHelper output) : PlatformHostFixture(provider)
{
    private const int Spinners = 8;
    private const int QuietWorkers = 4;
    private const int Rounds = 3;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    private HttpClient _client = null!;

    protected override async Task StartedAsync()
    {
        _client = PlatformTestHost.AuthenticatedClient(Factory);
        var spinner = Path.Combine(Storage.DataDirectory, "spinner");
        Write(spinner, "module.json", """{ "id": "spinner", "version": "1.0.0", "scriptLimits": { "hook": { "maxStatements": 100000000 } } }""");
        Write(spinner, "entities/busy.json", """
            { "name": "busy", "hooks": { "beforeSave": "scripts/spin.js" }, "fields": [ { "name": "mode", "type": "text" } ] }
            """);
        Write(spinner, "scripts/spin.js", """
            if (record.mode === 'argument') crm.query({ toString() { while (true) {} } });
            while (true) {}
            """);
        await ApplyModulesAsync("spinner", [.. PlatformTestHost.ShippedModules, spinner]);
        await ApplyModulesAsync("quiet", PlatformTestHost.ShippedModules);
    }

    protected override void Stopping() => _client?.Dispose();

    [Fact]
    public async Task Another_tenants_reads_and_writes_keep_half_their_throughput_while_one_tenants_hooks_spin()
    {
        await QuietOperationsAsync(TimeSpan.FromSeconds(1)); // warm-up: runtimes, connections, JIT
        long alone = 0, loaded = 0;
        for (var round = 0; round < Rounds; round++)
        {
            alone += await QuietOperationsAsync(Window);
            using var stop = new CancellationTokenSource();
            var spinning = Enumerable.Range(0, Spinners).Select(i => SpinAsync(i % 2 == 0 ? "hook" : "argument", stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            loaded += await QuietOperationsAsync(Window);
            await stop.CancelAsync();
            var refused = (await Task.WhenAll(spinning)).Sum();
            Assert.True(refused > 0, "no spinning hook ran to its limit");
        }

        output.WriteLine($"quiet tenant: {alone} operations alone, {loaded} while the other tenant's hooks spin");
        Assert.True(loaded * 2 >= alone, $"the quiet tenant fell from {alone} to {loaded} operations");
    }

    /// <summary>Reads and writes of the quiet tenant, from several workers, over <paramref name="window"/>: how many completed.</summary>
    private async Task<long> QuietOperationsAsync(TimeSpan window)
    {
        long done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, QuietWorkers).Select(async worker =>
        {
            while (clock.Elapsed < window)
            {
                using var response = worker % 2 == 0
                    ? await _client.GetAsync("/api/quiet/data/account?$top=20")
                    : await _client.PostAsJsonAsync("/api/quiet/data/account", new { name = $"Quiet {Guid.NewGuid():N}" });
                Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Interlocked.Increment(ref done);
            }
        }));
        return done;
    }

    /// <summary>Creates records of the spinning tenant until stopped; every one must fail at a limit (never a 500).</summary>
    private async Task<int> SpinAsync(string mode, CancellationToken stop)
    {
        var refused = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await _client.PostAsJsonAsync("/api/spinner/data/busy", new { mode }, stop);
                Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
                refused++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Requests still queued for the tenant's run slot are abandoned when the window ends.
        }
        return refused;
    }

    private static void Write(string folder, string path, string content)
    {
        var file = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }
}

/// <summary>Throughput is measured with nothing else of the suite running, and one provider at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FairnessCollection
{
    public const string Name = "fairness";
}

[Collection(FairnessCollection.Name)]
public sealed class SqliteTenantFairnessHttpTests(ITestOutputHelper output) : TenantFairnessHttpTests(TestProvider.Sqlite, output);

[Collection(FairnessCollection.Name)]
public sealed class PostgresTenantFairnessHttpTests(ITestOutputHelper output) : TenantFairnessHttpTests(TestProvider.Postgres, output);
