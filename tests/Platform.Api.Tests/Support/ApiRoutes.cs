using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Api.Tests.Support;

/// <summary>The routes the running app really maps (from ASP.NET Core's endpoint data source), not a list kept by hand.</summary>
public static partial class ApiRoutes
{
    public const string TenantPrefix = "/api/{tenant}";

    /// <summary>A route: its method and its template with constraints removed ("/data/{entity}/{id}").</summary>
    public sealed record Route(string Method, string Template);

    /// <summary>Every method and route of the tenant API, relative to /api/{tenant}.</summary>
    public static IReadOnlyList<Route> TenantRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(TenantPrefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new Route(method, WithoutConstraints(e.RoutePattern.RawText![TenantPrefix.Length..]))))
            .Distinct()
            .OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Parameter();

    private static string WithoutConstraints(string template)
    {
        // A group's "" route ends in "/" ("/admin/users/"); it answers at "/admin/users".
        var path = Parameter().Replace(template, "{$1}").TrimEnd('/');
        return path.Length == 0 ? "/" : path;
    }
}
