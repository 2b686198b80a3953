using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Audit.Trail;

/// <summary>How field values appear in audit entries.</summary>
public static class AuditValues
{
    /// <summary>Stands for the value of an encrypted field: the audit trail must not hold it in clear text.</summary>
    public const string Encrypted = "[encrypted]";

    /// <summary>Replaces values a data-subject erasure scrubbed from earlier entries.</summary>
    public const string Erased = "[erased]";

    public static JsonNode? ToJson(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType());
}
