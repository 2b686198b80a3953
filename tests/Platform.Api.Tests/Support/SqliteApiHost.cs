using Microsoft.Data.Sqlite;

namespace Platform.Api.Tests.Support;

/// <summary>The host on SQLite, with its data directory in a fresh temporary folder.</summary>
public sealed class SqliteApiHost : ApiHost
{
    private string? _dataDirectory;

    protected override Task<IReadOnlyDictionary<string, string>> PrepareStorageAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("platform-api-").FullName;
        return Task.FromResult<IReadOnlyDictionary<string, string>>(
            new Dictionary<string, string> { ["provider"] = "sqlite", ["data-dir"] = _dataDirectory });
    }

    protected override Task ReleaseStorageAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (_dataDirectory is not null) Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
        return Task.CompletedTask;
    }
}
