using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task OpenApi_documents_every_workflow_route_the_app_maps()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());

        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/{tenant}/workflows", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => (Method: m.ToLowerInvariant(), Path: e.RoutePattern.RawText!["/api/{tenant}".Length..].Replace(":guid", "").TrimEnd('/'))))
            .ToList();
        Assert.Equal(12, routes.Count);
        foreach (var (method, path) in routes)
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is not in the OpenAPI document");
    }
}
