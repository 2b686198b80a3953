using Microsoft.AspNetCore.Http;
using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Api;

/// <summary>GET /workflows/activity-types: every registered activity type with its inputs (JSON Schemas), settings and ports.</summary>
internal static class ListActivityTypes
{
    public static IResult Handle(ActivityRegistry registry) => Results.Json(new
    {
        value = registry.All.Select(type => new
        {
            type = type.Type, description = type.Description,
            inputs = type.Inputs.Select(i => new { name = i.Name, description = i.Description, required = i.Required, literalOnly = i.LiteralOnly, schema = i.Schema }),
            settings = type.Settings,
            // Ports of a node without settings; Switch and Fork add the cases and branches a node names.
            ports = type.Ports(new ActivityNode("example", type.Type, [], 0)),
        }),
    });
}
