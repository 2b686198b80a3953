using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests;

/// <summary>The host serves the web app at /app/: redirects, SPA fallback for bookmarked routes, cache headers, config.</summary>
public sealed class WebAppHostingTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-webapp-").FullName;
    private readonly string _webRoot = Directory.CreateTempSubdirectory("platform-webroot-").FullName;

    public WebAppHostingTests()
    {
        File.WriteAllText(Path.Combine(_webRoot, "index.html"), "<!doctype html><div id=root>web app</div>");
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        File.WriteAllText(Path.Combine(_webRoot, "assets", "index-abc123.js"), "console.log(1)");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var dir in new[] { _dataDirectory, _webRoot })
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    [Fact]
    public async Task The_app_is_served_at_app_with_a_fallback_for_client_routes_and_long_cached_assets()
    {
        await using var host = ApiHost.Start(new Dictionary<string, string>
        {
            ["provider"] = "sqlite", ["data-dir"] = _dataDirectory, ["webapp:path"] = _webRoot,
        }, demo: false);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/app" })
        {
            var redirect = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal("/app/", redirect.Headers.Location?.OriginalString);
        }

        foreach (var path in new[] { "/app/", "/app/login", "/app/demo/account", "/app/demo/opportunity/0193f0c2-0000-7000-8000-000000000001" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("web app", await page.Content.ReadAsStringAsync());
            Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        }

        var asset = await client.GetAsync("/app/assets/index-abc123.js");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/app/assets/index-gone.js")).StatusCode);

        var config = await client.GetAsync("/app/config.json");
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Contains("\"demoTenant\":null", await config.Content.ReadAsStringAsync());

        // The API is unchanged: still no anonymous access.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/demo/data/account")).StatusCode);
    }
}
