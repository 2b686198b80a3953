using Platform.Storage.Encryption;
using Platform.Storage.Providers;

namespace Platform.Host.Startup;

/// <summary>
/// Several hosts may serve one PostgreSQL database, and every one must sign and check tokens and seal and open
/// encrypted fields with the same keys. A key a host generates into its own data directory would differ per node
/// (tokens refused at random, encrypted values unreadable elsewhere), so on PostgreSQL both keys must be configured.
/// SQLite is one process on one machine: its generated key files are fine.
/// </summary>
public static class SharedKeyRequirement
{
    public const string SigningKeySetting = "auth:signing-key";
    public const string SigningKeyVariable = "PLATFORM_AUTH_SIGNING_KEY";

    public static void Check(IConfiguration configuration, PlatformHostOptions options)
    {
        if (SqlDialect.For(options.Provider).IsLocalFile) return;
        var missing = new List<string>();
        if (string.IsNullOrEmpty(configuration[SigningKeySetting] ?? Environment.GetEnvironmentVariable(SigningKeyVariable)))
            missing.Add($"{SigningKeySetting} (or {SigningKeyVariable}): at least 32 random characters, e.g. `head -c 48 /dev/urandom | base64`");
        if (EncryptionKeys.Configured(configuration) is null)
            missing.Add($"{EncryptionKeySettings.KeySetting} (or {EncryptionKeySettings.KeyVariable}): base64 of 32 random bytes, e.g. `head -c 32 /dev/urandom | base64`");
        if (missing.Count > 0)
            throw new InvalidOperationException(
                "On PostgreSQL every host must use the same keys, so they are not generated locally. Give the same value on every node for: "
                + string.Join("; ", missing) + ".");
    }
}
