using System.Diagnostics;
using Xunit.Abstractions;

namespace Platform.Scripting.Tests;

/// <summary>Figures for the note: a warm run on a pooled engine, the cold first run. Loose bounds, so they stay green on slow machines.</summary>
public sealed class CostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_warm_run_costs_microseconds()
    {
        var executor = new JintScriptExecutor();
        var script = new ScriptSource("rules.js", """
            if (record.stage === 'won' && !record.close_date) errors.add('close_date', 'needed');
            if (record.amount < 0) errors.add('amount', 'negative');
            if (record.name && record.name.length > 200) errors.add('name', 'too long');
            if (record.probability > 100) errors.add('probability', 'too high');
            if (record.email && !/^[^@]+@[^@]+$/.test(record.email)) errors.add('email', 'invalid');
            record.weighted = record.amount * record.probability / 100;
            """);
        var context = new ScriptContext
        {
            Tenant = "t",
            Record = new Dictionary<string, object?> { ["stage"] = "won", ["close_date"] = "2026-01-01", ["amount"] = 100, ["probability"] = 50, ["name"] = "x", ["email"] = "a@b" },
        };
        var cold = Stopwatch.StartNew();
        await executor.ExecuteAsync(script, context, CancellationToken.None);
        cold.Stop();
        for (var i = 0; i < 200; i++) await executor.ExecuteAsync(script, context, CancellationToken.None);
        const int runs = 2000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) await executor.ExecuteAsync(script, context, CancellationToken.None);
        watch.Stop();
        var perRun = watch.Elapsed.TotalMicroseconds / runs;
        output.WriteLine($"cold first run {cold.Elapsed.TotalMilliseconds:0.0} ms; warm run on a pooled engine {perRun:0.0} µs");
        Assert.True(perRun < 2_000, $"{perRun:0} µs per run");
    }
}
