using System.Globalization;
using System.Runtime.InteropServices;

namespace Platform.Benchmarks;

/// <summary>One measured comparison: the platform's throughput against its baseline's, in the same run.</summary>
public sealed record Comparison(string Provider, string Case, string Unit, double Platform, double Baseline, double Target)
{
    public double Ratio => Baseline == 0 ? 0 : Platform / Baseline;
    public bool Met => Ratio >= Target;
}

/// <summary>A case judged by a condition instead of a ratio (the DDL case).</summary>
public sealed record Finding(string Provider, string Case, string Detail, bool Met);

/// <summary>Collects results, prints them as they come and as a summary, and decides the exit code.</summary>
public sealed class Report
{
    private readonly List<Comparison> _comparisons = [];
    private readonly List<Finding> _findings = [];
    private readonly List<string> _skipped = [];

    public static string F(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static void PrintMachine(BenchmarkSettings settings)
    {
        Console.WriteLine("== Platform benchmarks ==");
        Console.WriteLine($"machine : {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"settings: case {settings.Case}, rows {F(settings.Rows)}, duration {F(settings.DurationSeconds, "0.#")} s per side in {settings.Rounds} alternating rounds, " +
                          $"warm-up {F(settings.WarmupSeconds, "0.#")} s per side, concurrency {settings.Concurrency}, bulk {settings.BulkBatches} x 1,000 rows per side, ddl rows {F(settings.DdlRows)}");
        Console.WriteLine($"postgres: {(settings.Postgres is null ? "not configured (--postgres or PLATFORM_TEST_POSTGRES)" : Redact(settings.Postgres))}");
        Console.WriteLine();
    }

    public void Add(Comparison comparison)
    {
        _comparisons.Add(comparison);
        Console.WriteLine($"  => {Line(comparison)}");
    }

    public void Add(Finding finding)
    {
        _findings.Add(finding);
        Console.WriteLine($"  => {(finding.Met ? "PASS" : "FAIL")} {finding.Detail}");
    }

    public void Skip(string what)
    {
        _skipped.Add(what);
        Console.WriteLine($"SKIPPED: {what}");
    }

    /// <summary>Prints the summary; true when every target was met.</summary>
    public bool PrintSummary()
    {
        Console.WriteLine();
        Console.WriteLine("== Summary ==");
        foreach (var c in _comparisons) Console.WriteLine($"{(c.Met ? "PASS" : "FAIL")} {c.Provider,-8} {c.Case,-22} {Line(c)}");
        foreach (var f in _findings) Console.WriteLine($"{(f.Met ? "PASS" : "FAIL")} {f.Provider,-8} {f.Case,-22} {f.Detail}");
        foreach (var s in _skipped) Console.WriteLine($"SKIP {s}");
        var missed = _comparisons.Count(c => !c.Met) + _findings.Count(f => !f.Met);
        Console.WriteLine(missed == 0
            ? "All targets met."
            : $"TARGET MISSED: {missed} case(s) below target (see FAIL lines above).");
        return missed == 0;
    }

    private static string Line(Comparison c) =>
        $"platform {F(c.Platform)} {c.Unit} vs baseline {F(c.Baseline)} {c.Unit}: ratio {F(c.Ratio, "0.00")}x (target >= {F(c.Target, "0.0#")}x) {(c.Met ? "met" : "MISSED")}";

    private static string Redact(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Password is not null) builder.Password = "***";
        return builder.ConnectionString;
    }
}
