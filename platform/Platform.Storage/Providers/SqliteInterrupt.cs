using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Platform.Storage.Providers;

/// <summary>
/// Microsoft.Data.Sqlite ignores a cancellation token once a statement runs (SqliteCommand.Cancel does nothing), so a
/// long scan — an exact count, an export page — would run to its end after the client left. This interrupts the
/// connection's running statement when the token fires (sqlite3_interrupt is safe to call from another thread);
/// PostgreSQL's driver cancels on the token by itself.
/// </summary>
public static class SqliteInterrupt
{
    public static CancellationTokenRegistration Register(DbConnection connection, CancellationToken ct) =>
        connection is SqliteConnection sqlite && ct.CanBeCanceled
            ? ct.Register(static state =>
            {
                if (((SqliteConnection)state!).Handle is { } handle) SQLitePCL.raw.sqlite3_interrupt(handle);
            }, sqlite)
            : default;
}
