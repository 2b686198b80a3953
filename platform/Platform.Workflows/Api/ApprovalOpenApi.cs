using System.Text.Json.Nodes;
using Platform.Api.OpenApi;
using static Platform.Api.OpenApi.OpenApiParts;

namespace Platform.Workflows.Api;

/// <summary>The inbox and approval routes in the tenant's OpenAPI document.</summary>
public sealed class ApprovalOpenApi : IOpenApiContributor
{
    public void Add(JsonObject paths, JsonObject schemas)
    {
        var tags = new[] { "approvals" };
        JsonObject Text() => new() { ["type"] = "string" };
        JsonObject Uuid() => new() { ["type"] = "string", ["format"] = "uuid" };
        JsonObject Enum(params string[] values) => new() { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray()) };
        JsonObject Body(JsonObject properties, params string[] required) => new()
        {
            ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray(required.Select(r => (JsonNode?)r).ToArray()),
        };
        schemas["InboxItem"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = Uuid(), ["kind"] = Enum("approval", "task"), ["subject"] = Text(), ["workflow"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                ["instanceId"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "uuid" }, ["activity"] = Text(),
                ["entity"] = new JsonObject { ["type"] = new JsonArray("string", "null") }, ["recordId"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                ["dueAt"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" },
                ["status"] = Enum("pending", "approved", "rejected", "transferred", "returned", "withdrawn", "cancelled", "open"),
                ["assignee"] = Uuid(), ["onBehalfOf"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "uuid" },
                ["submitter"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "uuid" },
                ["comment"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                ["etag"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "A task record's ETag (for If-Match when updating it)" },
            },
        };
        schemas["ApprovalDelegation"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["delegateUserId"] = Uuid(), ["from"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["until"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            },
            ["required"] = new JsonArray("delegateUserId", "from", "until"),
        };
        JsonObject Item() => Ref("InboxItem");
        JsonObject Id() => Path("id", "uuid");
        (string, string, JsonNode?)[] Refusals() =>
        [
            ("403", "The task is not assigned to you", null), ("404", "No such approval task", null),
            ("409", "The task was decided already, or its instance no longer waits", null), ("422", "The request is not valid", null),
        ];
        JsonObject Action(string id, string summary, JsonObject body) =>
            Operation(id, summary, tags, [Id()], body, Responses([("200", "The task as it is now", Item()), ("400", "The body is not JSON", null), .. Refusals()]));

        paths["/inbox"] = new JsonObject
        {
            ["get"] = Operation("get-inbox", "The signed-in user's pending approvals and open tasks", tags, [], null,
                Responses(("200", "Inbox items", new JsonObject
                {
                    ["type"] = "object", ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = Item() } },
                }), ("403", "Not a signed-in user", null))),
        };
        paths["/approvals/{id}/decision"] = new JsonObject
        {
            ["post"] = Action("decide-approval", "Approve or reject an approval task assigned to you",
                Body(new JsonObject { ["outcome"] = Enum("approve", "reject"), ["comment"] = Text() }, "outcome")),
        };
        paths["/approvals/{id}/return"] = new JsonObject
        {
            ["post"] = Action("return-approval", "Return the approval to the submitter or the previous step",
                Body(new JsonObject { ["to"] = Enum("submitter", "previous"), ["comment"] = Text() })),
        };
        paths["/approvals/{id}/transfer"] = new JsonObject
        {
            ["post"] = Action("transfer-approval", "Transfer your approval task to another user", Body(new JsonObject { ["userId"] = Uuid(), ["comment"] = Text() }, "userId")),
        };
        paths["/approvals/{id}/add-approver"] = new JsonObject
        {
            ["post"] = Action("add-approver", "Add an approver before or after yourself",
                Body(new JsonObject { ["userId"] = Uuid(), ["position"] = Enum("before", "after"), ["comment"] = Text() }, "userId")),
        };
        paths["/approvals/{id}/withdraw"] = new JsonObject
        {
            ["post"] = Action("withdraw-approval", "Withdraw a pending approval you submitted", Body(new JsonObject { ["comment"] = Text() })),
        };
        paths["/approvals/delegation"] = new JsonObject
        {
            ["get"] = Operation("get-approval-delegation", "Your out-of-office delegation", tags, [], null,
                Responses(("200", "The delegation", Ref("ApprovalDelegation")), ("404", "You have no delegation", null))),
            ["put"] = Operation("put-approval-delegation", "Set your out-of-office delegate for a period", tags, [], Ref("ApprovalDelegation"),
                Responses(("200", "The delegation", Ref("ApprovalDelegation")), ("400", "The body is not JSON", null), ("422", "The request is not valid", null))),
            ["delete"] = Operation("delete-approval-delegation", "Remove your delegation", tags, [], null,
                Responses(("204", "Removed", null), ("404", "You have no delegation", null))),
        };
    }
}
