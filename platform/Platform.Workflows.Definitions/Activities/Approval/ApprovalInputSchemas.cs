using System.Text.Json.Nodes;

namespace Platform.Workflows.Activities.Approval;

/// <summary>The JSON Schemas of the Approval's literal inputs.</summary>
internal static class ApprovalInputSchemas
{
    /// <summary>A list of <c>{"user"}</c>, <c>{"role"}</c>, <c>{"team"}</c> or <c>{"expression"}</c> entries.</summary>
    public static JsonObject Approvers() => new()
    {
        ["type"] = "array", ["minItems"] = 1,
        ["items"] = new JsonObject
        {
            ["type"] = "object", ["minProperties"] = 1, ["maxProperties"] = 1, ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["user"] = InputSchemas.String(), ["role"] = InputSchemas.String(), ["team"] = InputSchemas.String(), ["expression"] = InputSchemas.String(),
            },
        },
    };

    public static JsonObject Quorum() => new() { ["type"] = "integer", ["minimum"] = 1 };

    /// <summary><c>"submitterManager"</c> or <c>{"role": name}</c>.</summary>
    public static JsonObject Fallback() => new()
    {
        ["oneOf"] = new JsonArray(
            InputSchemas.Enum(ApprovalDescription.SubmitterManager),
            new JsonObject
            {
                ["type"] = "object", ["required"] = new JsonArray("role"), ["additionalProperties"] = false,
                ["properties"] = new JsonObject { ["role"] = InputSchemas.String() },
            }),
    };
}
