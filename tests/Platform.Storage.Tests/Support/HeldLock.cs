using System.Data.Common;
using Platform.Storage.Providers;

namespace Platform.Storage.Tests.Support;

/// <summary>An open transaction holding a lock; disposing ends it with <c>releaseSql</c> and closes the connection.</summary>
public sealed class HeldLock(DbConnection connection, string releaseSql) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await using (var command = connection.CreateCommand(releaseSql, null)) await command.ExecuteNonQueryAsync();
        await connection.DisposeAsync();
    }
}
