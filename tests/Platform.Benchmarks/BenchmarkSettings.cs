using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>Command line: [all|api|bulk|ddl|scripts|workflows] [--rows N] [--postgres CS] [--provider sqlite|postgres] and timing knobs.</summary>
public sealed record BenchmarkSettings
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/Platform.Benchmarks -- [all|api|bulk|ddl|scripts|workflows] [--rows N] [--postgres <connection string>]\n" +
        "       [--provider sqlite|postgres] [--duration S] [--warmup S] [--concurrency N] [--bulk-batches N] [--ddl-rows N] [--timers N]\n" +
        "       [--only triggers|instances|timers|approval] (workflows: one of its cases) [--keep] (leave the data behind for EXPLAIN)\n" +
        "PostgreSQL comes from --postgres or PLATFORM_TEST_POSTGRES; without either the PostgreSQL cases are skipped.";

    public string Case { get; init; } = "all";
    public int Rows { get; init; } = 100_000;
    public string? Postgres { get; init; }
    public string? OnlyProvider { get; init; }
    /// <summary>Measured seconds per side (generated and baseline) of an API case, split into alternating rounds.</summary>
    public double DurationSeconds { get; init; } = 6;
    /// <summary>Warm-up per side: long enough for tiered JIT to finish optimising both code paths on a busy 2-core box.</summary>
    public double WarmupSeconds { get; init; } = 5;
    public int Rounds { get; init; } = 3;
    public int Concurrency { get; init; } = 8;
    /// <summary>Batches of 1,000 rows per side in the bulk case.</summary>
    public int BulkBatches { get; init; } = 10;
    public int DdlRows { get; init; } = 1_000_000;
    /// <summary>Pending timers made due at one instant in the workflows case.</summary>
    public int Timers { get; init; } = 10_000;
    /// <summary>One case of the workflows run (triggers, instances, timers, approval); null runs them all.</summary>
    public string? OnlyWorkflowCase { get; init; }

    /// <summary>Leave the data (SQLite folder, PostgreSQL database) behind and print where, to EXPLAIN queries by hand.</summary>
    public bool Keep { get; init; }

    public bool RunsWorkflowCase(string name) => OnlyWorkflowCase is null || OnlyWorkflowCase == name;

    public bool Runs(string name) => Case == "all" || Case == name;

    public bool UsesSqlite => OnlyProvider is null or "sqlite";

    public bool UsesPostgres => Postgres is not null && OnlyProvider is null or "postgres";

    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings { Postgres = Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES") is { Length: > 0 } env ? env : null };
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            settings = arg switch
            {
                "all" or "api" or "permissions" or "bulk" or "ddl" or "scripts" or "workflows" => settings with { Case = arg },
                "--keep" => settings with { Keep = true },
                "--rows" => settings with { Rows = Int(Next()) },
                "--postgres" => settings with { Postgres = Next() },
                "--provider" => settings with { OnlyProvider = Next() is var p && p is "sqlite" or "postgres" ? p : throw new ArgumentException("--provider is sqlite or postgres") },
                "--duration" => settings with { DurationSeconds = Seconds(Next()) },
                "--warmup" => settings with { WarmupSeconds = Seconds(Next()) },
                "--concurrency" => settings with { Concurrency = Int(Next()) },
                "--bulk-batches" => settings with { BulkBatches = Int(Next()) },
                "--ddl-rows" => settings with { DdlRows = Int(Next()) },
                "--timers" => settings with { Timers = Int(Next()) },
                "--only" => settings with { OnlyWorkflowCase = Next() is var c && c is "triggers" or "instances" or "timers" or "approval" ? c : throw new ArgumentException("--only is triggers, instances, timers or approval") },
                _ => throw new ArgumentException($"unknown argument '{arg}'"),
            };
        }
        return settings;
    }

    private static int Int(string text) =>
        int.TryParse(text.Replace("_", ""), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value : throw new ArgumentException($"'{text}' is not a positive whole number");

    private static double Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value : throw new ArgumentException($"'{text}' is not a number of seconds");
}
