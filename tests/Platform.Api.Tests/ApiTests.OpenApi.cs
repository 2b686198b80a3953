using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>The OpenAPI document covers every route the app maps and says how to authenticate.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task OpenApi_documents_every_route_the_app_maps_for_every_entity_relation_and_action()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var definitions = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities"), HttpStatusCode.OK)).Values();
        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject().ToList();
        var routes = ApiRoutes.TenantRoutes(Host.Services);

        var missing = routes
            .SelectMany(route => Concrete(route.Template, definitions).Select(path => (route.Method, Path: path)))
            .Where(r => !paths.Any(p => Matches(r.Path, p.Name) && p.Value.TryGetProperty(r.Method.ToLowerInvariant(), out _)))
            .Select(r => $"{r.Method} {r.Path}")
            .ToList();

        Assert.True(routes.Count > 40, $"only {routes.Count} routes were found");
        Assert.True(missing.Count == 0, "Not in the OpenAPI document:\n" + string.Join("\n", missing));
        Assert.Contains(paths, p => p.Name == "/data/lead/{id}/actions/convert");
    }

    [Fact]
    public async Task OpenApi_declares_bearer_api_key_and_cookie_security_and_only_sign_in_goes_without()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("bearer").Str("type"), schemes.GetProperty("bearer").Str("scheme")));
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (schemes.GetProperty("apiKey").Str("type"), schemes.GetProperty("apiKey").Str("in"), schemes.GetProperty("apiKey").Str("name")));
        Assert.Equal(("apiKey", "cookie"), (schemes.GetProperty("cookie").Str("type"), schemes.GetProperty("cookie").Str("in")));
        Assert.Equal(["bearer", "apiKey", "cookie"], document.GetProperty("security").EnumerateArray().Select(s => s.EnumerateObject().Single().Name));
        var open = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Operation: o.Value)))
            .Where(o => o.Operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0)
            .Select(o => o.Path);
        Assert.Equal(["/auth/login", "/auth/token"], open.Order(StringComparer.Ordinal));
        Assert.True(document.GetProperty("paths").GetProperty("/data/account/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task OpenApi_operation_ids_are_unique_and_every_path_parameter_is_declared()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value))).ToList();
        var ids = operations.Select(o => o.Operation.Str("operationId")).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var (path, method, operation) in operations)
        {
            var declared = operation.GetProperty("parameters").EnumerateArray()
                .Where(p => p.Str("in") == "path").Select(p => p.Str("name")).Order(StringComparer.Ordinal);
            var templated = path.Split('/').Where(IsParameter).Select(s => s.Trim('{', '}')).Order(StringComparer.Ordinal);
            Assert.True(declared.SequenceEqual(templated), $"{method} {path} declares ({string.Join(", ", declared)})");
        }
    }

    /// <summary>A route template as the document must show it: one path per entity (and per relation or action) for the data routes.</summary>
    private static IEnumerable<string> Concrete(string template, IReadOnlyList<JsonElement> definitions)
    {
        if (!template.StartsWith("/data/{entity}", StringComparison.Ordinal)) return [template];
        return definitions.SelectMany(definition =>
        {
            var path = template.Replace("{entity}", definition.Str("name"), StringComparison.Ordinal);
            if (path.Contains("{relation}", StringComparison.Ordinal))
                return definition.GetProperty("relations").EnumerateArray().Select(r => path.Replace("{relation}", r.Str("name"), StringComparison.Ordinal));
            if (path.Contains("/actions/{name}", StringComparison.Ordinal))
                return definition.TryGetProperty("actions", out var actions)
                    ? actions.EnumerateObject().Select(a => path.Replace("{name}", a.Name, StringComparison.Ordinal))
                    : [];
            return [path];
        });
    }

    /// <summary>Same segments, where a route's parameter matches a parameter of the document (names may differ).</summary>
    private static bool Matches(string route, string documented)
    {
        var a = route.Split('/');
        var b = documented.Split('/');
        return a.Length == b.Length && a.Zip(b).All(s => s.First == s.Second || (IsParameter(s.First) && IsParameter(s.Second)));
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
