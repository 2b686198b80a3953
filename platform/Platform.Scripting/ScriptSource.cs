using System.Security.Cryptography;
using System.Text;

namespace Platform.Scripting;

/// <summary>A script's name (its file path or "entity.field formula") and text; the hash keys the prepared-script cache.</summary>
public sealed record ScriptSource(string Name, string Code)
{
    public string Hash { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Code)));
}
