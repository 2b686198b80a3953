namespace Platform.Benchmarks.Workflows;

/// <summary>The machine's 1/5/15-minute load averages (Linux), printed beside figures measured on a shared machine.</summary>
public static class LoadAverage
{
    public static string Now =>
        File.Exists("/proc/loadavg") ? "load " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load n/a";
}
