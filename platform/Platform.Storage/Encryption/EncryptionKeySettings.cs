namespace Platform.Storage.Encryption;

/// <summary>
/// The settings that name the master keys of encrypted fields, shared by the host and the CLI: the current key
/// (<c>encryption:key</c> / PLATFORM_ENCRYPTION_KEY) and, during a rotation, the keys it replaced
/// (<c>encryption:previous-keys</c> / PLATFORM_ENCRYPTION_PREVIOUS_KEYS, comma-separated), which are only read.
/// </summary>
public static class EncryptionKeySettings
{
    public const string KeySetting = "encryption:key";
    public const string KeyVariable = "PLATFORM_ENCRYPTION_KEY";
    public const string PreviousKeysSetting = "encryption:previous-keys";
    public const string PreviousKeysVariable = "PLATFORM_ENCRYPTION_PREVIOUS_KEYS";

    /// <summary>The previous keys of a comma-separated list (blank entries ignored).</summary>
    public static IReadOnlyList<string> SplitKeys(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A cipher of the current key and the previous ones.</summary>
    public static FieldCipher Cipher(string key, string? previousKeys) => FieldCipher.FromBase64(key, SplitKeys(previousKeys));
}
