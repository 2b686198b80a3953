namespace Platform.Benchmarks.Load;

/// <summary>
/// How every case compares two sides: warm both up (baseline first), then alternate fixed-length rounds in ABBA order
/// so drift (tables growing, WAL checkpoints, tiered JIT) hits both alike. Fails when any request failed.
/// </summary>
public static class AlternatingRounds
{
    public static async Task<(LoadResult Measured, LoadResult Baseline)> RunAsync(
        BenchmarkSettings settings, Func<TimeSpan, Task<LoadResult>> measured, Func<TimeSpan, Task<LoadResult>> baseline)
    {
        var warmup = TimeSpan.FromSeconds(settings.WarmupSeconds);
        await baseline(warmup);
        await measured(warmup);
        var segment = TimeSpan.FromSeconds(settings.DurationSeconds / settings.Rounds);
        LoadResult a = LoadResult.Empty, b = LoadResult.Empty;
        for (var round = 0; round < settings.Rounds; round++)
        {
            if (round % 2 == 0)
            {
                a = a.Plus(await measured(segment));
                b = b.Plus(await baseline(segment));
            }
            else
            {
                b = b.Plus(await baseline(segment));
                a = a.Plus(await measured(segment));
            }
        }
        if (a.Failed + b.Failed > 0)
            throw new InvalidOperationException($"{a.Failed + b.Failed} requests failed, e.g. {a.FirstFailure ?? b.FirstFailure}");
        return (a, b);
    }
}
