using System.Text.Json.Nodes;
using static Platform.Api.OpenApi.OpenApiPaths;

namespace Platform.Api.OpenApi;

/// <summary>The signed-in user's notifications: list with the unread count, mark one or all read.</summary>
internal static class OpenApiNotificationRoutes
{
    public static void Add(JsonObject paths)
    {
        paths["/notifications"] = new JsonObject
        {
            ["get"] = Operation("list-notifications", "The signed-in user's notifications, newest first, and how many are unread", ["notifications"],
                [Query("unread", "true: only unread notifications", "boolean"), Query("$top", "Notifications to return (default 50, at most 200)", "integer")], null,
                Responses(("200", "Notifications", Page()), ("400", "The query is not valid", null))),
        };
        paths["/notifications/{id}/read"] = new JsonObject
        {
            ["post"] = Operation("read-notification", "Mark one of the signed-in user's notifications read", ["notifications"], [Path("id", "uuid")], null,
                Responses(("204", "Read", null), ("404", "The signed-in user has no such notification", null))),
        };
        paths["/notifications/read-all"] = new JsonObject
        {
            ["post"] = Operation("read-all-notifications", "Mark every unread notification of the signed-in user read", ["notifications"], [], null,
                Responses(("200", "How many were marked", new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["marked"] = Type("integer"), ["unreadCount"] = Type("integer") },
                }))),
        };
    }

    private static JsonObject Page() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("value", "unreadCount"),
        ["properties"] = new JsonObject
        {
            ["value"] = new JsonObject { ["type"] = "array", ["items"] = Notification() },
            ["unreadCount"] = Type("integer"),
        },
    };

    private static JsonObject Notification() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["id"] = Type("string", "uuid"),
            ["title"] = Type("string"),
            ["body"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["link"] = new JsonObject
            {
                ["type"] = new JsonArray("object", "null"),
                ["description"] = "The record the notification is about",
                ["properties"] = new JsonObject { ["entity"] = Type("string"), ["recordId"] = Type("string", "uuid") },
            },
            ["createdAt"] = Type("string", "date-time"),
            ["readAt"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" },
        },
    };

    private static JsonObject Type(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null) schema["format"] = format;
        return schema;
    }
}
