using System.Text.Json;

namespace Platform.Storage.Schema;

/// <summary>
/// Kept in each history row: how to undo the plan. Applying <see cref="PreviousDefinitionsVersion"/>'s definitions again
/// produces these statements (renames go back as renames), so nothing needs to be replayed by hand.
/// </summary>
public sealed record SchemaInverse(long? PreviousVersion, string? PreviousDefinitionsVersion, IReadOnlyList<string> Statements)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Null for rows written before the inverse was recorded this way.</summary>
    public static SchemaInverse? FromJson(string json)
    {
        try { return JsonSerializer.Deserialize<SchemaInverse>(json, Json); }
        catch (JsonException) { return null; }
    }
}
