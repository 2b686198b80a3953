namespace Platform.Storage.Encryption;

/// <summary>An entity has encrypted fields but the store was built without a key.</summary>
public sealed class EncryptionKeyMissingException(string column)
    : InvalidOperationException($"Column '{column}' is encrypted but no encryption key is configured (encryption:key or PLATFORM_ENCRYPTION_KEY).");
