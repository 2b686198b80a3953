using System.Security.Cryptography;
using System.Text;

namespace Platform.Storage.Encryption;

/// <summary>
/// Encrypts field values at rest with AES-256-GCM: a random 96-bit nonce per value, the 128-bit tag kept with the
/// ciphertext, so equal values never look alike and a tampered value fails to decrypt. Stored form:
/// <c>enc:v1:</c> + base64(nonce | ciphertext | tag). One key for the host; key rotation is not supported yet.
/// </summary>
public sealed class FieldCipher
{
    public const string Prefix = "enc:v1:";
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public FieldCipher(byte[] key)
    {
        if (key.Length != KeySize) throw new ArgumentException($"The encryption key must be {KeySize} bytes (base64 of {KeySize} random bytes), not {key.Length}.", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>A key given as base64 text (configuration <c>encryption:key</c> or <c>PLATFORM_ENCRYPTION_KEY</c>).</summary>
    public static FieldCipher FromBase64(string key)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(key.Trim());
        }
        catch (FormatException)
        {
            throw new ArgumentException($"The encryption key must be base64 text of {KeySize} bytes.", nameof(key));
        }
        return new FieldCipher(bytes);
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize));

    public string Encrypt(string plainText)
    {
        var plain = Encoding.UTF8.GetBytes(plainText);
        var sealedValue = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        // AesGcm is cheap to create and its instances are not documented as thread-safe: one per call.
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(NonceSize, plain.Length), sealedValue.AsSpan(NonceSize + plain.Length, TagSize));
        return Prefix + Convert.ToBase64String(sealedValue);
    }

    /// <summary>The clear text of a value <see cref="Encrypt"/> sealed.</summary>
    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) throw new CryptographicException("The value is not an encrypted value.");
        var sealedValue = Convert.FromBase64String(stored[Prefix.Length..]);
        if (sealedValue.Length < NonceSize + TagSize) throw new CryptographicException("An encrypted value is truncated.");
        var length = sealedValue.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize, length), sealedValue.AsSpan(NonceSize + length, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
