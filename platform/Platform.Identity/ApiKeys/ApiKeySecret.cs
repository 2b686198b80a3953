using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace Platform.Identity.ApiKeys;

/// <summary>
/// API keys are 256 random bits; only their SHA-256 is stored. A slow hash would add nothing: unlike a password,
/// the secret has full entropy, so a leaked hash cannot be guessed back.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "pk_";

    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Enough of the key to tell keys apart in a list, far too little to use.</summary>
    public static string Prefix(string secret) => secret[..Math.Min(secret.Length, Marker.Length + 6)];

    public static bool LooksValid(string? secret) => secret is { Length: > 20 and < 200 } && secret.StartsWith(Marker, StringComparison.Ordinal);
}
