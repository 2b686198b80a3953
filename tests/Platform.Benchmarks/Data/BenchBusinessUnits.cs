using System.Text.Json;

namespace Platform.Benchmarks.Data;

/// <summary>
/// Twelve business units under crm-core's root, over which the loaded rows are spread evenly, so that a user scoped to
/// one unit reads about a twelfth of the table: the scope condition really filters, as in a company with regions.
/// They come as a small module of security documents, installed like any other.
/// </summary>
public static class BenchBusinessUnits
{
    public const int Count = 12;

    /// <summary>The unit of the permissions case's user (sales-manager: its unit and the ones below it, here none).</summary>
    public const string Scoped = "unit-03";

    public static IReadOnlyList<string> Names { get; } = Enumerable.Range(1, Count).Select(i => $"unit-{i:00}").ToList();

    /// <summary>The unit of the row with this serial number: round robin, so every unit gets the same share.</summary>
    public static string For(long serial) => Names[(int)(serial % Count)];

    /// <summary>Writes the module folder <c>bench-units</c> under <paramref name="directory"/> and answers its path.</summary>
    public static string WriteModule(string directory)
    {
        var module = Path.Combine(directory, "bench-units");
        var units = Path.Combine(module, "security", "business-units");
        Directory.CreateDirectory(units);
        File.WriteAllText(Path.Combine(module, "module.json"), JsonSerializer.Serialize(new
        {
            id = "bench-units",
            version = "1.0.0",
            dependsOn = new Dictionary<string, string> { ["crm-core"] = "^1.0.0" },
        }));
        foreach (var name in Names)
            File.WriteAllText(Path.Combine(units, name + ".json"), JsonSerializer.Serialize(new { name, label = $"Region {name[^2..]}", parent = "root" }));
        return module;
    }
}
