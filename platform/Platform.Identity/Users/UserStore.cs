using System.Data.Common;
using Platform.Identity.Storage;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Identity.Users;

/// <summary>Parameterised SQL over a tenant's platform_users table.</summary>
public static class UserStore
{
    private static PlatformRows Rows(TenantDatabase database) => new(database, IdentityTables.UsersTable);

    public static async Task<IReadOnlyList<PlatformUser>> ListAsync(TenantDatabase database, CancellationToken ct)
    {
        var r = Rows(database);
        return await QueryAsync(r, $"SELECT {r.SelectList} FROM {r.Table} ORDER BY {r.Q("normalized_user_name")}", null, ct);
    }

    public static async Task<PlatformUser?> FindAsync(TenantDatabase database, Guid id, CancellationToken ct)
    {
        var r = Rows(database);
        var users = await QueryAsync(r, $"SELECT {r.SelectList} FROM {r.Table} WHERE {r.Q("id")} = @p0", c => r.Bind(c, "@p0", "id", id), ct);
        return users.FirstOrDefault();
    }

    public static async Task<PlatformUser?> FindByNameAsync(TenantDatabase database, string userName, CancellationToken ct)
    {
        var r = Rows(database);
        var users = await QueryAsync(r, $"SELECT {r.SelectList} FROM {r.Table} WHERE {r.Q("normalized_user_name")} = @p0",
            c => r.Bind(c, "@p0", "normalized_user_name", UserNames.Normalize(userName)), ct);
        return users.FirstOrDefault();
    }

    public static async Task<bool> AnyAsync(TenantDatabase database, CancellationToken ct)
    {
        var r = Rows(database);
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand($"SELECT 1 FROM {r.Table}" + database.Dialect.Page(1, null), null);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>Inserts a user; false when the user name (in any case) is taken.</summary>
    public static Task<bool> InsertAsync(TenantDatabase database, PlatformUser user, CancellationToken ct) => InsertAsync(null, database, user, ct);

    /// <summary>Inserts a user inside the caller's transaction (when given); false when the user name (in any case) is taken.</summary>
    public static async Task<bool> InsertAsync(RecordSession? session, TenantDatabase database, PlatformUser user, CancellationToken ct)
    {
        if (await FindByNameAsync(database, user.UserName, ct) is not null) return false;
        var r = Rows(database);
        var columns = IdentityTables.UsersTable.Columns.Select(c => c.Name).ToList();
        var sql = $"INSERT INTO {r.Table} ({string.Join(", ", columns.Select(r.Q))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var values = Values(user);
        try
        {
            await ExecuteAsync(r, session, sql, command =>
            {
                for (var i = 0; i < columns.Count; i++) r.Bind(command, "@p" + i, columns[i], values[columns[i]]);
            }, ct);
            return true;
        }
        catch (DbException)
        {
            // Created by a concurrent request between the check and the insert (the unique index refused it)?
            if (await FindByNameAsync(database, user.UserName, ct) is not null) return false;
            throw;
        }
    }

    /// <summary>Writes the profile and membership columns (not the password or lockout state).</summary>
    public static Task UpdateProfileAsync(TenantDatabase database, PlatformUser user, CancellationToken ct) => UpdateProfileAsync(null, database, user, ct);

    /// <summary>Writes the profile and membership columns inside the caller's transaction (when given).</summary>
    public static Task UpdateProfileAsync(RecordSession? session, TenantDatabase database, PlatformUser user, CancellationToken ct) =>
        UpdateAsync(session, database, user.Id, new Dictionary<string, object?>
        {
            ["display_name"] = user.DisplayName,
            ["email"] = user.Email,
            ["is_active"] = user.IsActive,
            ["business_unit"] = user.BusinessUnit,
            ["teams"] = user.Teams,
            ["roles"] = user.Roles,
            ["manager_id"] = user.ManagerId,
        }, ct);

    public static Task SetPasswordHashAsync(TenantDatabase database, Guid id, string hash, CancellationToken ct) =>
        SetPasswordHashAsync(null, database, id, hash, ct);

    public static Task SetPasswordHashAsync(RecordSession? session, TenantDatabase database, Guid id, string hash, CancellationToken ct) =>
        UpdateAsync(session, database, id, new Dictionary<string, object?> { ["password_hash"] = hash }, ct);

    public static Task SetLockoutAsync(TenantDatabase database, Guid id, int failedLogins, DateTime? lockoutEnd, CancellationToken ct) =>
        SetLockoutAsync(null, database, id, failedLogins, lockoutEnd, ct);

    public static Task SetLockoutAsync(RecordSession? session, TenantDatabase database, Guid id, int failedLogins, DateTime? lockoutEnd, CancellationToken ct) =>
        UpdateAsync(session, database, id, new Dictionary<string, object?> { ["failed_logins"] = (long)failedLogins, ["lockout_end"] = lockoutEnd }, ct);

    /// <summary>Adds one failed login atomically (concurrent guesses all count) and returns the new count.</summary>
    public static async Task<int> AddFailedLoginAsync(TenantDatabase database, Guid id, CancellationToken ct)
    {
        var r = Rows(database);
        var failed = r.Q("failed_logins");
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand(
            $"UPDATE {r.Table} SET {failed} = {failed} + 1 WHERE {r.Q("id")} = @p0 RETURNING {failed}", null);
        r.Bind(command, "@p0", "id", id);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>
    /// Counts a login attempt before its password is checked, in one statement that also checks the lockout, so
    /// parallel guesses each take a numbered turn and none slips past the limit. Null when the account is locked.
    /// </summary>
    public static async Task<int?> BeginLoginAttemptAsync(TenantDatabase database, Guid id, DateTime now, CancellationToken ct)
    {
        var r = Rows(database);
        var failed = r.Q("failed_logins");
        var end = r.Q("lockout_end");
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand(
            $"UPDATE {r.Table} SET {failed} = {failed} + 1 WHERE {r.Q("id")} = @p0 AND ({end} IS NULL OR {end} <= @p1) RETURNING {failed}", null);
        r.Bind(command, "@p0", "id", id);
        r.Bind(command, "@p1", "lockout_end", now);
        return await command.ExecuteScalarAsync(ct) is { } count and not DBNull ? Convert.ToInt32(count) : null;
    }

    private static async Task UpdateAsync(RecordSession? session, TenantDatabase database, Guid id, Dictionary<string, object?> values, CancellationToken ct)
    {
        var r = Rows(database);
        values["modified_at"] = DateTime.UtcNow;
        var names = values.Keys.ToList();
        var sql = $"UPDATE {r.Table} SET {string.Join(", ", names.Select((n, i) => $"{r.Q(n)} = @p{i + 1}"))} WHERE {r.Q("id")} = @p0";
        await ExecuteAsync(r, session, sql, command =>
        {
            r.Bind(command, "@p0", "id", id);
            for (var i = 0; i < names.Count; i++) r.Bind(command, "@p" + (i + 1), names[i], values[names[i]]);
        }, ct);
    }

    /// <summary>Runs a statement in the session's transaction, or on a connection of its own when there is none.</summary>
    private static async Task ExecuteAsync(PlatformRows r, RecordSession? session, string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        if (session is not null)
        {
            await using var inSession = session.Command(sql);
            bind(inSession);
            await inSession.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand(sql, null);
        bind(command);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Dictionary<string, object?> Values(PlatformUser user) => new()
    {
        ["id"] = user.Id,
        ["user_name"] = user.UserName,
        ["normalized_user_name"] = UserNames.Normalize(user.UserName),
        ["display_name"] = user.DisplayName,
        ["email"] = user.Email,
        ["password_hash"] = user.PasswordHash,
        ["is_active"] = user.IsActive,
        ["business_unit"] = user.BusinessUnit,
        ["teams"] = user.Teams,
        ["roles"] = user.Roles,
        ["manager_id"] = user.ManagerId,
        ["failed_logins"] = (long)user.FailedLogins,
        ["lockout_end"] = user.LockoutEnd,
        ["created_at"] = user.CreatedAt,
        ["modified_at"] = user.ModifiedAt,
    };

    private static async Task<IReadOnlyList<PlatformUser>> QueryAsync(PlatformRows r, string sql, Action<DbCommand>? bind, CancellationToken ct)
    {
        await using var connection = await r.OpenAsync(ct);
        await using var command = connection.CreateCommand(sql, null);
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var users = new List<PlatformUser>();
        while (await reader.ReadAsync(ct))
        {
            users.Add(new PlatformUser(
                r.Get<Guid>(reader, "id"),
                r.Get<string>(reader, "user_name")!,
                r.Get<string>(reader, "display_name")!,
                r.Get<string>(reader, "email"),
                r.Get<string>(reader, "password_hash"),
                r.Get<bool>(reader, "is_active"),
                r.Get<string>(reader, "business_unit"),
                r.Get<string[]>(reader, "teams") ?? [],
                r.Get<string[]>(reader, "roles") ?? [],
                r.Get<Guid?>(reader, "manager_id"),
                (int)r.Get<long>(reader, "failed_logins"),
                r.Get<DateTime?>(reader, "lockout_end"),
                r.Get<DateTime>(reader, "created_at"),
                r.Get<DateTime>(reader, "modified_at")));
        }
        return users;
    }
}
