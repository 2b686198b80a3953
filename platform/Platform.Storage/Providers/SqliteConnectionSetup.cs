using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Platform.Storage.Providers;

/// <summary>Per-connection settings SQLite does not keep in the file.</summary>
public static class SqliteConnectionSetup
{
    /// <summary>Unicode-aware case folding for case-insensitive matches (see <see cref="SqliteDialect.CaseInsensitiveMatch"/>).</summary>
    public const string FoldFunction = "platform_fold";

    /// <summary>
    /// WAL lets readers run beside the single writer; synchronous=FULL fsyncs the WAL on every commit so a
    /// committed record survives power loss (NORMAL would only survive an application crash).
    /// </summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.CreateFunction<string?, string?>(FoldFunction, text => text?.ToLowerInvariant(), isDeterministic: true);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        await command.ExecuteNonQueryAsync(ct);
    }
}
