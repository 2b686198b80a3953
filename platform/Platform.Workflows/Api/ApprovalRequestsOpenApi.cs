using System.Text.Json.Nodes;
using Platform.Api.OpenApi;
using Platform.Workflows.Approvals;
using static Platform.Api.OpenApi.OpenApiParts;

namespace Platform.Workflows.Api;

/// <summary>GET /approvals/requests (a submitter's approvals) in the tenant's OpenAPI document.</summary>
public sealed class ApprovalRequestsOpenApi : IOpenApiContributor
{
    public void Add(JsonObject paths, JsonObject schemas)
    {
        JsonObject Uuid() => new() { ["type"] = "string", ["format"] = "uuid" };
        JsonObject NullableUuid() => new() { ["type"] = new JsonArray("string", "null"), ["format"] = "uuid" };
        JsonObject NullableText() => new() { ["type"] = new JsonArray("string", "null") };
        JsonObject NullableTime() => new() { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" };
        JsonObject Time() => new() { ["type"] = "string", ["format"] = "date-time" };
        schemas["ApprovalRequest"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["instanceId"] = Uuid(), ["workflow"] = new JsonObject { ["type"] = "string" }, ["activity"] = new JsonObject { ["type"] = "string" },
                ["subject"] = new JsonObject { ["type"] = "string" }, ["entity"] = NullableText(), ["recordId"] = NullableUuid(), ["submitter"] = Uuid(),
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(ApprovalRequestStatus.All.Select(s => (JsonNode?)s).ToArray()) },
                ["submittedAt"] = Time(), ["decidedAt"] = NullableTime(), ["dueAt"] = NullableTime(),
                ["withdrawTaskId"] = NullableUuid(),
                ["currentApprovers"] = new JsonObject { ["type"] = "array", ["items"] = Uuid() },
                ["tasks"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["id"] = Uuid(), ["assignee"] = Uuid(), ["onBehalfOf"] = NullableUuid(), ["status"] = new JsonObject { ["type"] = "string" },
                            ["comment"] = NullableText(), ["createdAt"] = Time(), ["decidedAt"] = NullableTime(),
                        },
                    },
                },
            },
        };
        paths["/approvals/requests"] = new JsonObject
        {
            ["get"] = Operation("list-approval-requests", "The approvals you submitted, newest first, with their status and current approvers", ["approvals"],
                [Query("status", $"Only requests in this status ({string.Join(", ", ApprovalRequestStatus.All)})"),
                 Query("$top", "Requests to return (default 100, at most 500)", "integer"),
                 Query("user", "Another user's requests (administrators only)")], null,
                Responses(("200", "Requests", new JsonObject
                {
                    ["type"] = "object", ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = Ref("ApprovalRequest") } },
                }), ("400", "The query is not valid", null), ("403", "Not a signed-in user, or another user's requests without being an administrator", null))),
        };
    }
}
