using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Identity.Storage;

/// <summary>
/// The tenant's users and API keys (Platform.Identity reads and writes them). Platform tables, not entities: record
/// bodies, scripts and the generated API can never reach them.
/// </summary>
public sealed class IdentityTables : IPlatformTables
{
    public const string Users = "platform_users";
    public const string ApiKeys = "platform_api_keys";
    public const string UserStamps = "platform_user_stamps";

    public static TableModel UsersTable { get; } = new(Users,
    [
        new("id", ValueKind.Guid, typeof(Guid), false),
        new("user_name", ValueKind.String, typeof(string), false, MaxLength: 100),
        // Lower-cased user name: the unique index makes user names unique regardless of case on every provider.
        new("normalized_user_name", ValueKind.String, typeof(string), false, MaxLength: 100),
        new("display_name", ValueKind.String, typeof(string), false, MaxLength: 200),
        new("email", ValueKind.String, typeof(string), true, MaxLength: 320),
        new("password_hash", ValueKind.String, typeof(string), true, MaxLength: 400),
        new("is_active", ValueKind.Boolean, typeof(bool), false),
        new("business_unit", ValueKind.String, typeof(string), true, MaxLength: 100),
        new("teams", ValueKind.StringList, typeof(string), false),
        new("roles", ValueKind.StringList, typeof(string), false),
        new("manager_id", ValueKind.Guid, typeof(Guid), true),
        new("failed_logins", ValueKind.Integer, typeof(long), false),
        new("lockout_end", ValueKind.DateTime, typeof(DateTime), true),
        new("created_at", ValueKind.DateTime, typeof(DateTime), false),
        new("modified_at", ValueKind.DateTime, typeof(DateTime), false),
    ], ["id"], [new IndexModel("ux_platform_users_normalized_user_name", ["normalized_user_name"], true)], []);

    public static TableModel ApiKeysTable { get; } = new(ApiKeys,
    [
        new("id", ValueKind.Guid, typeof(Guid), false),
        new("user_id", ValueKind.Guid, typeof(Guid), false),
        new("name", ValueKind.String, typeof(string), false, MaxLength: 200),
        // The first characters of the key, so a person can tell keys apart in a list; never enough to use it.
        new("prefix", ValueKind.String, typeof(string), false, MaxLength: 20),
        new("secret_hash", ValueKind.String, typeof(string), false, MaxLength: 64),
        new("created_at", ValueKind.DateTime, typeof(DateTime), false),
        new("revoked_at", ValueKind.DateTime, typeof(DateTime), true),
    ], ["id"], [new IndexModel("ux_platform_api_keys_secret_hash", ["secret_hash"], true), new IndexModel("ix_platform_api_keys_user_id", ["user_id"], false)], []);

    /// <summary>
    /// Each user's security stamp: tokens and cookies carry it and die when it changes (logout, password reset). A table
    /// of its own, not a column of platform_users, so tenants created before it get it from the platform table upgrade.
    /// </summary>
    public static TableModel UserStampsTable { get; } = new(UserStamps,
    [
        new("user_id", ValueKind.Guid, typeof(Guid), false),
        new("stamp", ValueKind.String, typeof(string), false, MaxLength: 64),
        new("changed_at", ValueKind.DateTime, typeof(DateTime), false),
    ], ["user_id"], [], []);

    public IReadOnlyList<TableModel> Tables { get; } = [UsersTable, ApiKeysTable, UserStampsTable];
}
