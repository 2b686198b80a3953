using System.Text.Json.Nodes;
using static Platform.Api.OpenApi.OpenApiPaths;

namespace Platform.Api.OpenApi;

/// <summary>Users as id and display name, for any signed-in user of the tenant (names on forms, user pickers).</summary>
internal static class OpenApiUserNameRoutes
{
    public static void Add(JsonObject paths) => paths["/users/names"] = new JsonObject
    {
        ["get"] = Operation("list-user-names", "Users' display names by id, or active users whose name contains a text", ["users"],
            [Query("ids", "Comma-separated user ids (at most 100)"), Query("search", "Text in the display or user name (at most 20 answered)")], null,
            Responses(("200", "Users", new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["value"] = new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject
                            {
                                ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                                ["display_name"] = new JsonObject { ["type"] = "string" },
                            },
                        },
                    },
                },
            }), ("400", "Neither or both of ids and search, or an id that is not one", null))),
    };
}
