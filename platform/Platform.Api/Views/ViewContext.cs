using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Platform.Api.Auth;
using Platform.Api.Metadata;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Records;
using Platform.Runtime;

namespace Platform.Api.Views;

/// <summary>What every view route needs: the tenant, the entity (readable, else 404 as records), the caller's access and id.</summary>
internal sealed record ViewContext(TenantRuntime Runtime, EntityDefinition Entity, ScreenAccess Access, Guid? UserId)
{
    public static ViewContext Of(HttpContext http, string entity)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var access = new ScreenAccess(runtime, Security.RequestActor.Of(http));
        var definition = RecordService.Entity(runtime, entity);
        if (!access.CanRead(entity)) throw new RecordNotFoundException(entity, null);
        return new ViewContext(runtime, definition, access, UserPrincipal.UserId(http.User));
    }

    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>The version an If-Match header names (<c>"3"</c> or <c>W/"3"</c>); null when absent or not one of ours.</summary>
    public static long? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        return header.Length > 2 && header[0] == '"' && header[^1] == '"' && long.TryParse(header[1..^1], out var version) ? version : null;
    }

    public static IResult Changed(string what, long current) => ProblemResults.Of(StatusCodes.Status412PreconditionFailed,
        "The view was changed by someone else", $"{what} was changed after you loaded it; reload it and apply your changes again.", "concurrency",
        new Dictionary<string, object?> { ["currentVersion"] = ETag(current) });

    public static JsonObject Json(ViewDefinition view, string scope, long version, bool generated = false)
    {
        var node = JsonSerializer.SerializeToNode(view, DefinitionJson.Options)!.AsObject();
        node["scope"] = scope;
        node["etag"] = ETag(version);
        if (generated) node["generated"] = true;
        return node;
    }

    public static IResult Write(JsonNode node, int status = StatusCodes.Status200OK, string? etag = null, string? location = null) =>
        new JsonNodeResult(node, status, etag, location);

    private sealed class JsonNodeResult(JsonNode node, int status, string? etag, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (etag is not null) http.Response.Headers.ETag = etag;
            if (location is not null) http.Response.Headers.Location = location;
            http.Response.ContentType = "application/json; charset=utf-8";
            return http.Response.WriteAsync(node.ToJsonString(DefinitionJson.Options), http.RequestAborted);
        }
    }
}
