using System.Data.Common;
using Platform.Identity.Storage;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Identity.ApiKeys;

/// <summary>Parameterised SQL over a tenant's platform_api_keys table.</summary>
internal static class ApiKeyStore
{
    private static PlatformRows Rows(TenantDatabase database) => new(database, IdentityTables.ApiKeysTable);

    public static async Task InsertAsync(TenantDatabase database, ApiKeyInfo key, string secretHash, CancellationToken ct)
    {
        var r = Rows(database);
        var values = new Dictionary<string, object?>
        {
            ["id"] = key.Id, ["user_id"] = key.UserId, ["name"] = key.Name, ["prefix"] = key.Prefix,
            ["secret_hash"] = secretHash, ["created_at"] = key.CreatedAt, ["revoked_at"] = null,
        };
        var names = values.Keys.ToList();
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand(
            $"INSERT INTO {r.Table} ({string.Join(", ", names.Select(r.Q))}) VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i))})", null);
        for (var i = 0; i < names.Count; i++) r.Bind(command, "@p" + i, names[i], values[names[i]]);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Keys of one user, or of everyone when <paramref name="userId"/> is null; newest first.</summary>
    public static async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(TenantDatabase database, Guid? userId, CancellationToken ct)
    {
        var r = Rows(database);
        var where = userId is null ? "" : $" WHERE {r.Q("user_id")} = @p0";
        return await QueryAsync(r, $"SELECT {r.SelectList} FROM {r.Table}{where} ORDER BY {r.Q("created_at")} DESC",
            c => { if (userId is not null) r.Bind(c, "@p0", "user_id", userId); }, ct);
    }

    public static async Task<ApiKeyInfo?> FindAsync(TenantDatabase database, Guid id, CancellationToken ct)
    {
        var r = Rows(database);
        var keys = await QueryAsync(r, $"SELECT {r.SelectList} FROM {r.Table} WHERE {r.Q("id")} = @p0", c => r.Bind(c, "@p0", "id", id), ct);
        return keys.FirstOrDefault();
    }

    public static async Task<ApiKeyInfo?> FindByHashAsync(TenantDatabase database, string secretHash, CancellationToken ct)
    {
        var r = Rows(database);
        var keys = await QueryAsync(r, $"SELECT {r.SelectList} FROM {r.Table} WHERE {r.Q("secret_hash")} = @p0",
            c => r.Bind(c, "@p0", "secret_hash", secretHash), ct);
        return keys.FirstOrDefault();
    }

    public static async Task RevokeAsync(TenantDatabase database, Guid id, DateTime at, CancellationToken ct)
    {
        var r = Rows(database);
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand(
            $"UPDATE {r.Table} SET {r.Q("revoked_at")} = @p1 WHERE {r.Q("id")} = @p0 AND {r.Q("revoked_at")} IS NULL", null);
        r.Bind(command, "@p0", "id", id);
        r.Bind(command, "@p1", "revoked_at", at);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<ApiKeyInfo>> QueryAsync(PlatformRows r, string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand(sql, null);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(new ApiKeyInfo(r.Get<Guid>(reader, "id"), r.Get<Guid>(reader, "user_id"), r.Get<string>(reader, "name")!,
                r.Get<string>(reader, "prefix")!, r.Get<DateTime>(reader, "created_at"), r.Get<DateTime?>(reader, "revoked_at")));
        }
        return keys;
    }
}
