using System.Text.Json.Nodes;
using Platform.Metadata.Definitions.Screens;

namespace Platform.Metadata.Definitions;

/// <summary>A custom action on a record: its script and the JSON Schema its request body must match.</summary>
public sealed record ActionDefinition
{
    public required string Script { get; init; }
    public LocalizedText? Label { get; init; }
    public JsonObject? InputSchema { get; init; }
    /// <summary>When the action applies to a record (forms' condition language); null: always.</summary>
    public FormCondition? AvailableWhen { get; init; }
}
