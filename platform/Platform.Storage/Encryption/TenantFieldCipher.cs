using System.Security.Cryptography;
using System.Text;

namespace Platform.Storage.Encryption;

/// <summary>
/// Seals and opens one tenant's field values with AES-256-GCM under a key derived from the master key for this tenant
/// (HKDF-SHA256), with associated data naming the tenant, entity, field and record: a ciphertext copied into another
/// row, field or tenant fails to open. Stored form: <c>enc:v2:</c> + master key id + <c>:</c> + base64(nonce |
/// ciphertext | tag); the key id says which master key (current or previous) sealed it. v1 values are still opened.
/// </summary>
public sealed class TenantFieldCipher
{
    public const string Prefix = "enc:v2:";

    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly byte[] _current;
    private readonly string _currentPrefix;
    private readonly FieldCipher _master;

    internal TenantFieldCipher(string tenantId, IReadOnlyList<(string Id, byte[] Key)> keys, FieldCipher master)
    {
        TenantId = tenantId;
        _keys = keys.GroupBy(k => k.Id).ToDictionary(g => g.Key, g => g.First().Key);
        _current = keys[0].Key;
        _currentPrefix = Prefix + keys[0].Id + ":";
        _master = master;
    }

    public string TenantId { get; }

    /// <summary>True for a stored value (sealed or not) that is not in the current format under the current key.</summary>
    public bool NeedsRewrite(string stored) => !stored.StartsWith(_currentPrefix, StringComparison.Ordinal);

    public string Encrypt(string plainText, string entity, string field, Guid recordId) =>
        _currentPrefix + Convert.ToBase64String(FieldCipher.Seal(_current, Encoding.UTF8.GetBytes(plainText), Binding(entity, field, recordId)));

    public string Decrypt(string stored, string entity, string field, Guid recordId)
    {
        if (stored.StartsWith(FieldCipher.Prefix, StringComparison.Ordinal)) return _master.Decrypt(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) throw new CryptographicException("The value is not an encrypted value.");
        var separator = stored.IndexOf(':', Prefix.Length);
        if (separator < 0 || !_keys.TryGetValue(stored[Prefix.Length..separator], out var key))
            throw new CryptographicException("The value was sealed under a master key that is not configured (encryption:key, encryption:previous-keys).");
        return Encoding.UTF8.GetString(FieldCipher.Open(key, Convert.FromBase64String(stored[(separator + 1)..]), Binding(entity, field, recordId)));
    }

    /// <summary>True when the text is a sealed value of any format (else a value stored before its field was encrypted).</summary>
    public static bool IsSealed(string stored) =>
        stored.StartsWith(Prefix, StringComparison.Ordinal) || stored.StartsWith(FieldCipher.Prefix, StringComparison.Ordinal);

    private byte[] Binding(string entity, string field, Guid recordId) => Encoding.UTF8.GetBytes($"{TenantId}\n{entity}\n{field}\n{recordId:D}");
}
