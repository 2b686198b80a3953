using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using Platform.Identity.Storage;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Identity.Users;

/// <summary>
/// Parameterised SQL over platform_user_stamps. A user without a row has the empty stamp, which is also what a token
/// issued before stamps existed carries, so such tokens keep working until the first logout or password reset.
/// </summary>
public static class UserStampStore
{
    public const string Initial = "";

    private static PlatformRows Rows(TenantDatabase database) => new(database, IdentityTables.UserStampsTable);

    public static async Task<string> GetAsync(TenantDatabase database, Guid userId, CancellationToken ct)
    {
        var r = Rows(database);
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand($"SELECT {r.Q("stamp")} FROM {r.Table} WHERE {r.Q("user_id")} = @p0", null);
        r.Bind(command, "@p0", "user_id", userId);
        return await command.ExecuteScalarAsync(ct) as string ?? Initial;
    }

    /// <summary>Every user's stamp that is not <see cref="Initial"/>.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ListAsync(TenantDatabase database, CancellationToken ct)
    {
        var r = Rows(database);
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand($"SELECT {r.Q("user_id")}, {r.Q("stamp")} FROM {r.Table}", null);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var stamps = new Dictionary<Guid, string>();
        while (await reader.ReadAsync(ct)) stamps[r.Get<Guid>(reader, "user_id")] = r.Get<string>(reader, "stamp") ?? Initial;
        return stamps;
    }

    /// <summary>Gives the user a new random stamp inside the caller's transaction: every token and cookie issued before it dies.</summary>
    public static async Task<string> RotateAsync(RecordSession session, TenantDatabase database, Guid userId, CancellationToken ct)
    {
        var r = Rows(database);
        var stamp = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        // ON CONFLICT upserts on both SQLite and PostgreSQL, so concurrent rotations never fail on the key.
        await using DbCommand command = session.Command(
            $"INSERT INTO {r.Table} ({r.Q("user_id")}, {r.Q("stamp")}, {r.Q("changed_at")}) VALUES (@p0, @p1, @p2) " +
            $"ON CONFLICT ({r.Q("user_id")}) DO UPDATE SET {r.Q("stamp")} = @p1, {r.Q("changed_at")} = @p2");
        r.Bind(command, "@p0", "user_id", userId);
        r.Bind(command, "@p1", "stamp", stamp);
        r.Bind(command, "@p2", "changed_at", DateTime.UtcNow);
        await command.ExecuteNonQueryAsync(ct);
        return stamp;
    }
}
