using Platform.Storage.Encryption;

namespace Platform.Host.Startup;

/// <summary>
/// The master key of encrypted fields: configuration <c>encryption:key</c> or <c>PLATFORM_ENCRYPTION_KEY</c> (base64 of
/// 32 bytes), with <c>encryption:previous-keys</c> during a rotation. Without one a SQLite host generates a key once and
/// keeps it in <c>encryption.key</c> in the data directory, with a warning: that file must then be backed up with the
/// data and kept away from database dumps. A PostgreSQL host refuses to start without one (see
/// <see cref="SharedKeyRequirement"/>). There is never a fixed key.
/// </summary>
public static class EncryptionKeys
{
    public const string FileName = "encryption.key";

    /// <summary>The configured key, if any.</summary>
    public static string? Configured(IConfiguration configuration) =>
        (configuration[EncryptionKeySettings.KeySetting] ?? Environment.GetEnvironmentVariable(EncryptionKeySettings.KeyVariable)) is { Length: > 0 } key ? key : null;

    public static FieldCipher Load(IConfiguration configuration, ILogger logger)
    {
        var previous = configuration[EncryptionKeySettings.PreviousKeysSetting] ?? Environment.GetEnvironmentVariable(EncryptionKeySettings.PreviousKeysVariable);
        if (Configured(configuration) is { } configured) return EncryptionKeySettings.Cipher(configured, previous);

        var directory = configuration["data-dir"] ?? Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") ?? "data";
        var path = Path.GetFullPath(Path.Combine(directory, FileName));
        if (File.Exists(path)) return EncryptionKeySettings.Cipher(File.ReadAllText(path), previous);

        Directory.CreateDirectory(directory);
        var key = FieldCipher.NewKey();
        // CreateNew: two hosts starting at once must not overwrite each other's key; the loser reads the winner's.
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(path, options)) writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            return EncryptionKeySettings.Cipher(File.ReadAllText(path), previous);
        }
        logger.LogWarning(
            "No encryption key configured (encryption:key or PLATFORM_ENCRYPTION_KEY): generated one in {Path}. Keep it safe and back it up; encrypted fields cannot be read without it.",
            path);
        return EncryptionKeySettings.Cipher(key, previous);
    }
}
