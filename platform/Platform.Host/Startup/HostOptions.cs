using Platform.Storage.Providers;
using Platform.Tenancy;

namespace Platform.Host.Startup;

/// <summary>
/// Reads the host's settings: --data-dir (or PLATFORM_DATA_DIR, default ./data) for SQLite; --provider postgres with
/// --connection (or PLATFORM_CONNECTION) for PostgreSQL; --modules-dir (or PLATFORM_MODULES_DIR) for shipped modules;
/// --demo false to skip the demo tenant.
/// </summary>
public sealed record PlatformHostOptions(PlatformStorageOptions Storage, string? ModulesDirectory, bool CreateDemoTenant)
{
    public static PlatformHostOptions From(IConfiguration configuration)
    {
        var provider = (configuration["provider"] ?? Environment.GetEnvironmentVariable("PLATFORM_PROVIDER") ?? "sqlite").ToLowerInvariant();
        var storage = provider switch
        {
            "sqlite" => PlatformStorageOptions.Sqlite(configuration["data-dir"] ?? Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") ?? "data"),
            "postgres" or "postgresql" => PlatformStorageOptions.Postgres(configuration["connection"] ?? Environment.GetEnvironmentVariable("PLATFORM_CONNECTION")
                ?? throw new InvalidOperationException("--provider postgres needs --connection or PLATFORM_CONNECTION.")),
            _ => throw new InvalidOperationException($"Unknown provider '{provider}': use sqlite or postgres."),
        };
        var modules = configuration["modules-dir"] ?? Environment.GetEnvironmentVariable("PLATFORM_MODULES_DIR") ?? FindShippedModules();
        var demo = !string.Equals(configuration["demo"], "false", StringComparison.OrdinalIgnoreCase);
        var dataDirectory = configuration["data-dir"] ?? Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") ?? storage.DataDirectory;
        return new PlatformHostOptions(storage, modules, demo) { DataDirectory = dataDirectory };
    }

    /// <summary>The repository's modules/ folder, found from the working directory or the binaries upwards.</summary>
    private static string? FindShippedModules()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "modules");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "module.json", SearchOption.AllDirectories).Any()) return candidate;
            }
        }
        return null;
    }

    public DatabaseProvider Provider => Storage.Provider;

    /// <summary>
    /// Where the host keeps files (SQLite databases, written mail): --data-dir (or PLATFORM_DATA_DIR), also on
    /// PostgreSQL, where the databases live elsewhere; default ./data.
    /// </summary>
    public string DataDirectory { get; init; } = "data";
}
