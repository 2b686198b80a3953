using System.Security.Cryptography;
using System.Text;

namespace Platform.Storage.Physical;

/// <summary>Builds index, key and junction names that fit every database's identifier limit (63 on PostgreSQL).</summary>
public static class IdentifierNames
{
    public const int MaxLength = 63;

    public static string Make(string prefix, params IEnumerable<string> parts)
    {
        var name = prefix + "_" + string.Join("_", parts);
        if (name.Length <= MaxLength) return name;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(MaxLength - 9)] + "_" + hash;
    }

    /// <summary>The table that holds a many-to-many relation. Entity and relation names cannot contain "__".</summary>
    public static string Junction(string entity, string relation) => $"{entity}__{relation}";
}
