using System.Text.Json.Nodes;
using Platform.Api.OpenApi;
using static Platform.Api.OpenApi.OpenApiParts;

namespace Platform.Workflows.Api;

/// <summary>The workflow routes in the tenant's OpenAPI document.</summary>
public sealed class WorkflowOpenApi : IOpenApiContributor
{
    public void Add(JsonObject paths, JsonObject schemas)
    {
        var tags = new[] { "workflows" };
        // A JSON node has one parent: every use gets a fresh schema.
        var admin = ("403", "Only for administrators", (JsonNode?)null);
        JsonObject Obj() => new() { ["type"] = "object" };
        JsonObject List(JsonNode item) => new() { ["type"] = "object", ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = item } } };
        JsonObject Id() => Path("id", null);
        JsonObject Guid() => Path("id", "uuid");
        JsonObject RunBody() => new()
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["recordId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" }, ["input"] = new JsonObject() },
        };
        schemas["WorkflowInstance"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" }, ["workflow"] = new JsonObject { ["type"] = "string" },
                ["version"] = new JsonObject { ["type"] = "integer" },
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("running", "suspended", "finished", "faulted", "cancelled") },
                ["recordId"] = new JsonObject { ["type"] = new JsonArray("string", "null") }, ["waitingAt"] = new JsonObject { ["type"] = "array" },
                ["path"] = new JsonObject { ["type"] = "array" },
            },
        };
        JsonObject Instance() => Ref("WorkflowInstance");

        paths["/workflows"] = new JsonObject
        {
            ["get"] = Operation("list-workflows", "Workflows with draft and published version", tags, [], null, Responses(("200", "Workflows", List(Obj())), admin)),
        };
        paths["/workflows/activity-types"] = new JsonObject
        {
            ["get"] = Operation("list-activity-types", "Every activity type: inputs (JSON Schemas), settings and ports", tags, [], null, Responses(("200", "Activity types", List(Obj())))),
        };
        paths["/workflows/manual"] = new JsonObject
        {
            ["get"] = Operation("list-manual-workflows", "Published workflows a user starts by hand on a record of the entity (id and label)", tags,
                [Query("entity", "The entity")], null, Responses(("200", "Workflows", List(Obj())), ("400", "No entity named", null))),
        };
        paths["/workflows/{id}/draft"] = new JsonObject
        {
            ["get"] = Operation("get-workflow-draft", "The draft document", tags, [Id()], null, Responses(("200", "The workflow document", Obj()), admin, ("404", "No draft", null))),
            ["put"] = Operation("put-workflow-draft", "Replace the draft (validated; every problem with file and JSON pointer)", tags, [Id()], Obj(),
                Responses(("200", "Saved", Obj()), ("400", "The body is not JSON", null), admin, ("422", "The workflow is not valid", null))),
        };
        paths["/workflows/{id}/publish"] = new JsonObject
        {
            ["post"] = Operation("publish-workflow", "Publish the draft as the next version", tags, [Id()], null,
                Responses(("200", "The published version", Obj()), admin, ("404", "No draft", null), ("422", "The workflow is not valid", null))),
        };
        paths["/workflows/{id}/test-run"] = new JsonObject
        {
            ["post"] = Operation("test-run-workflow", "Run the draft with side effects captured; answers the path taken", tags, [Id()], RunBody(),
                Responses(("200", "Path, captured effects, journal", Obj()), ("400", "The body is not JSON", null), admin, ("404", "No such workflow", null),
                    ("422", "The workflow or request is not valid", null))),
        };
        paths["/workflows/{id}/start"] = new JsonObject
        {
            ["post"] = Operation("start-workflow", "Start the published workflow on a record, as the caller", tags, [Id()], RunBody(),
                Responses(("201", "The instance", Instance()), ("400", "The body is not valid", null), ("404", "No published version, or no such record", null),
                    ("422", "The request is not valid", null))),
        };
        paths["/workflows/instances"] = new JsonObject
        {
            ["get"] = Operation("list-workflow-instances", "Instances, newest first", tags,
                [Query("workflow", "Workflow id"), Query("recordId", "Record id"), Query("status", "running, suspended, finished, faulted or cancelled")], null,
                Responses(("200", "Instances", List(Instance())), ("400", "A filter is not valid", null), admin)),
        };
        paths["/workflows/instances/{id}"] = new JsonObject
        {
            ["get"] = Operation("get-workflow-instance", "An instance with journal and incidents", tags, [Guid()], null,
                Responses(("200", "The instance", Obj()), admin, ("404", "No such instance", null))),
        };
        paths["/workflows/instances/{id}/cancel"] = new JsonObject
        {
            ["post"] = Operation("cancel-workflow-instance", "Cancel an instance", tags, [Guid()], null,
                Responses(("200", "The instance", Instance()), admin, ("404", "No such instance", null), ("409", "It has ended, or is running elsewhere", null))),
        };
        paths["/workflows/instances/{id}/retry"] = new JsonObject
        {
            ["post"] = Operation("retry-workflow-instance", "Retry a faulted instance from the failed activity", tags, [Guid()], null,
                Responses(("200", "The instance", Instance()), admin, ("404", "No such instance", null), ("409", "It is not faulted, or is running elsewhere", null))),
        };
    }
}
