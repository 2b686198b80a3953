using Platform.Tenancy;

namespace Platform.Cli.Tests.Support;

/// <summary>A data directory that does not exist yet, inside a temp folder.</summary>
public sealed class SqliteTenantStorage : TenantStorage
{
    private readonly TempFolder _folder = new();

    public string DataDirectory => _folder.Combine("data");

    public override string[] Arguments => ["--data-dir", DataDirectory];

    public override PlatformStorageOptions Options => PlatformStorageOptions.Sqlite(DataDirectory);

    public override Task<bool> TenantDatabaseExistsAsync(string tenant) =>
        Task.FromResult(File.Exists(Path.Combine(DataDirectory, "tenants", tenant + ".db")));

    public override ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
