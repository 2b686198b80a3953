using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Workflows.Definitions;

/// <summary>
/// A module's <c>workflows/&lt;id&gt;.json</c> as the document kind reads and exports it; its members stay JSON so the
/// document round-trips unchanged and <see cref="Validation.WorkflowValidator"/> checks it like an API draft.
/// </summary>
public sealed record WorkflowFile
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required int SchemaVersion { get; init; }
    public required string Id { get; init; }
    public JsonElement? Label { get; init; }
    public JsonElement? Description { get; init; }
    public JsonElement? Trigger { get; init; }
    public JsonElement? Variables { get; init; }
    public JsonElement? RunAs { get; init; }
    public required JsonElement Root { get; init; }

    /// <summary>The document as stored for publishing (without the editor's $schema hint).</summary>
    public string ToJson() => JsonSerializer.Serialize(this with { Schema = null }, Options);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
