using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Operator;

/// <summary>
/// The platform operator's credential and the shipped modules a new tenant may be created with. The operator API
/// (/api/admin/tenants) is off unless a key is configured (<c>operator-key</c> or <c>PLATFORM_OPERATOR_KEY</c>).
/// </summary>
public sealed class OperatorOptions
{
    private readonly byte[]? _keyHash;

    public OperatorOptions(string? key, string? modulesDirectory)
    {
        // Only a hash is kept, and compared in constant time.
        _keyHash = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
        ModulesDirectory = modulesDirectory;
    }

    public bool Enabled => _keyHash is not null;

    public string? ModulesDirectory { get; }

    public bool Accepts(string? key) =>
        _keyHash is not null && key is not null && CryptographicOperations.FixedTimeEquals(_keyHash, SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The folder of a module under the modules directory, by its folder name; null when there is none.</summary>
    public string? ModuleFolder(string name)
    {
        if (ModulesDirectory is null || name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.')) return null;
        var folder = Path.Combine(ModulesDirectory, name);
        return File.Exists(Path.Combine(folder, "module.json")) ? folder : null;
    }
}
