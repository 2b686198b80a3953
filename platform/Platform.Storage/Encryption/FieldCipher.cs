using System.Security.Cryptography;
using System.Text;

namespace Platform.Storage.Encryption;

/// <summary>
/// The host's master key for encrypted fields, with the keys it replaced (still read while a rotation rewrites their
/// values). Values are sealed by <see cref="TenantFieldCipher"/> under a key derived per tenant (<see cref="ForTenant"/>).
/// The master key alone sealed the values of format v1 (<c>enc:v1:</c> + base64(nonce | ciphertext | tag), no
/// associated data); they are still opened here until <c>encryption rotate</c> rewrites them.
/// </summary>
public sealed class FieldCipher
{
    /// <summary>The first format: the master key itself, no associated data.</summary>
    public const string Prefix = "enc:v1:";
    public const int KeySize = 32;
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    private readonly byte[] _key;
    private readonly IReadOnlyList<byte[]> _previous;

    public FieldCipher(byte[] key, IEnumerable<byte[]>? previousKeys = null)
    {
        _key = Checked(key).ToArray();
        _previous = (previousKeys ?? []).Select(k => Checked(k).ToArray()).ToList();
        KeyId = IdOf(_key);
    }

    /// <summary>A short public name of the master key (not secret: derived one way), written into every v2 value.</summary>
    public string KeyId { get; }

    /// <summary>A key given as base64 text (configuration <c>encryption:key</c> or <c>PLATFORM_ENCRYPTION_KEY</c>).</summary>
    public static FieldCipher FromBase64(string key, IEnumerable<string>? previousKeys = null) =>
        new(Decode(key), (previousKeys ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(Decode));

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize));

    /// <summary>The cipher of one tenant: its own derived keys, values bound to their tenant, entity, field and record.</summary>
    public TenantFieldCipher ForTenant(string tenantId) =>
        new(tenantId, [(KeyId, Derive(_key, tenantId)), .. _previous.Select(k => (IdOf(k), Derive(k, tenantId)))], this);

    /// <summary>Seals in format v1 (no binding). Kept for tests of values written before v2; new values are v2.</summary>
    public string Encrypt(string plainText) => Prefix + Convert.ToBase64String(Seal(_key, Encoding.UTF8.GetBytes(plainText), []));

    /// <summary>The clear text of a v1 value, under the current or a previous master key.</summary>
    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) throw new CryptographicException("The value is not an encrypted value.");
        var sealedValue = Convert.FromBase64String(stored[Prefix.Length..]);
        foreach (var key in _previous.Prepend(_key))
        {
            try
            {
                return Encoding.UTF8.GetString(Open(key, sealedValue, []));
            }
            catch (CryptographicException) when (!ReferenceEquals(key, _previous.LastOrDefault() ?? _key))
            {
                // Written under another of the keys: try the next.
            }
        }
        throw new CryptographicException("No key opens the value.");
    }

    internal static byte[] Seal(byte[] key, byte[] plain, byte[] associatedData)
    {
        var sealedValue = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        // AesGcm is cheap to create and its instances are not documented as thread-safe: one per call.
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(NonceSize, plain.Length), sealedValue.AsSpan(NonceSize + plain.Length, TagSize), associatedData);
        return sealedValue;
    }

    internal static byte[] Open(byte[] key, byte[] sealedValue, byte[] associatedData)
    {
        if (sealedValue.Length < NonceSize + TagSize) throw new CryptographicException("An encrypted value is truncated.");
        var length = sealedValue.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize, length), sealedValue.AsSpan(NonceSize + length, TagSize), plain, associatedData);
        return plain;
    }

    private static byte[] Derive(byte[] master, string tenantId) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, KeySize, salt: [], info: Encoding.UTF8.GetBytes("platform field encryption v2\ntenant:" + tenantId));

    private static string IdOf(byte[] master) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(master, "platform key id"u8))[..8];

    private static byte[] Checked(byte[] key) => key.Length == KeySize
        ? key
        : throw new ArgumentException($"The encryption key must be {KeySize} bytes (base64 of {KeySize} random bytes), not {key.Length}.", nameof(key));

    private static byte[] Decode(string key)
    {
        try
        {
            return Convert.FromBase64String(key.Trim());
        }
        catch (FormatException)
        {
            throw new ArgumentException($"The encryption key must be base64 text of {KeySize} bytes.", nameof(key));
        }
    }
}
