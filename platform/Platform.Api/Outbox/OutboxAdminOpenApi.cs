using System.Text.Json.Nodes;
using Platform.Api.OpenApi;
using static Platform.Api.OpenApi.OpenApiParts;

namespace Platform.Api.Outbox;

/// <summary>The outbox administration routes in the tenant's OpenAPI document.</summary>
public sealed class OutboxAdminOpenApi : IOpenApiContributor
{
    public void Add(JsonObject paths, JsonObject schemas)
    {
        var tags = new[] { "admin" };
        JsonObject Nullable(string type, string? format = null)
        {
            var schema = new JsonObject { ["type"] = new JsonArray(type, "null") };
            if (format is not null) schema["format"] = format;
            return schema;
        }
        JsonObject Names() => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        schemas["OutboxEvent"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("pending", "failed", "dispatched") },
                ["occurredAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["entity"] = new JsonObject { ["type"] = "string" },
                ["recordId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("created", "updated", "deleted") },
                ["changedFields"] = Names(),
                ["actorId"] = Nullable("string", "uuid"),
                ["attempts"] = new JsonObject { ["type"] = "integer" },
                ["lastError"] = Nullable("string"),
                ["consumer"] = Nullable("string"),
                ["nextAttemptAt"] = Nullable("string", "date-time"),
                ["deliveredTo"] = Names(),
                ["pendingConsumers"] = Names(),
            },
        };
        var admin = ("403", "Only for administrators", (JsonNode?)null);
        paths["/admin/outbox"] = new JsonObject
        {
            ["get"] = Operation("list-outbox-events", "Undelivered record-change events: failed (gave up after the attempt limit) or pending", tags,
                [Query("status", "failed (default) or pending"), Query("$top", "Events to return (default 100, at most 1000)", "integer")], null,
                Responses(("200", "Events, oldest first", new JsonObject
                {
                    ["type"] = "object", ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = Ref("OutboxEvent") } },
                }), ("400", "The query is not valid", null), admin)),
        };
        paths["/admin/outbox/{eventId}/retry"] = new JsonObject
        {
            ["post"] = Operation("retry-outbox-event", "Re-queue an undelivered event now; consumers that had it are not run again", tags,
                [Path("eventId", "uuid")], null,
                Responses(("200", "The event as it is now", Ref("OutboxEvent")), admin, ("404", "No such event", null),
                    ("409", "The event was delivered to every consumer already", null))),
        };
    }
}
