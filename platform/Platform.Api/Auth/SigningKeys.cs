using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using Platform.Tenancy;

namespace Platform.Api.Auth;

/// <summary>
/// The key that signs and checks access tokens: <c>auth:signing-key</c> or PLATFORM_AUTH_SIGNING_KEY (at least 32
/// characters), else a random key generated on first start and kept in the data directory
/// (<c>auth-signing.key</c>, readable by the owner only) so tokens survive restarts. Never a key written in code.
/// </summary>
public sealed class SigningKeys
{
    public const string Variable = "PLATFORM_AUTH_SIGNING_KEY";
    public const string FileName = "auth-signing.key";
    private const int MinimumConfiguredLength = 32;

    public SigningKeys(IConfiguration configuration, PlatformStorageOptions storage)
    {
        var configured = configuration["auth:signing-key"] ?? Environment.GetEnvironmentVariable(Variable);
        byte[] bytes;
        if (!string.IsNullOrEmpty(configured))
        {
            if (configured.Length < MinimumConfiguredLength)
                throw new InvalidOperationException($"auth:signing-key / {Variable} needs at least {MinimumConfiguredLength} characters.");
            bytes = Encoding.UTF8.GetBytes(configured);
        }
        else
        {
            var directory = configuration["data-dir"] ?? Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") ?? storage.DataDirectory;
            bytes = LoadOrCreate(Path.Combine(Path.GetFullPath(directory), FileName));
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.HmacSha256);

    private static byte[] LoadOrCreate(string file)
    {
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = RandomNumberGenerator.GetBytes(64);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(file, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key));
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it first: use theirs, so both accept the same tokens.
            Thread.Sleep(50);
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
    }
}
