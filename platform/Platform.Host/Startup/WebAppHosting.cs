using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Platform.Host.Startup;

/// <summary>
/// Serves the web app (designer/, built by the host's build into <c>webapp/</c> next to the binaries) at <c>/app/</c>:
/// hashed assets are cached for a year, index.html never, and every other <c>/app/*</c> path falls back to index.html
/// so bookmarked client routes (<c>/app/demo/account/…</c>) load. <c>/</c> redirects to <c>/app/</c>. The API stays at
/// <c>/api/</c>. <c>GET /app/config.json</c> (anonymous) tells the sign-in page the demo tenant's name.
/// </summary>
public static class WebAppHosting
{
    public const string BasePath = "/app";

    /// <summary>The built app: setting <c>webapp:path</c>, else <c>webapp/</c> beside the binaries, else designer/dist found upwards.</summary>
    public static string? FindWebRoot(IConfiguration configuration)
    {
        if (configuration["webapp:path"] is { Length: > 0 } configured) return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        var beside = Path.Combine(AppContext.BaseDirectory, "webapp");
        if (File.Exists(Path.Combine(beside, "index.html"))) return beside;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "designer", "dist");
                if (File.Exists(Path.Combine(candidate, "index.html"))) return candidate;
            }
        }
        return null;
    }

    public static WebApplication UsePlatformWebApp(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<PlatformHostOptions>();
        var root = FindWebRoot(app.Configuration);

        app.MapGet("/", () => Results.Redirect(BasePath + "/")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(BasePath + "/config.json", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Json(new { demoTenant = options.CreateDemoTenant ? DemoTenantBootstrapper.DemoTenant : null, apiBase = "/api" });
        }).AllowAnonymous().ExcludeFromDescription();

        if (root is null)
        {
            app.MapGet(BasePath + "/{**path}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The web app is not built",
                detail: "Build the host without -p:SkipWebBuild=true (it runs npm ci and npm run build in designer/).")).AllowAnonymous();
            return app;
        }

        var files = new PhysicalFileProvider(root);
        var index = Path.Combine(root, "index.html");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = BasePath,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments(BasePath + "/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        app.MapGet(BasePath + "/{**path}", async (HttpContext http, string? path) =>
        {
            // Routing ignores a trailing slash: "/app" and "/app/" both land here, and only the first is redirected.
            if (!http.Request.Path.Value!.EndsWith('/') && string.IsNullOrEmpty(path)) return Results.Redirect(BasePath + "/");
            // A missing asset is a 404, not the page: a stale tab asking for an old chunk must fail loudly.
            if (path is not null && (path.StartsWith("assets/", StringComparison.Ordinal) || Path.HasExtension(path)))
                return Results.NotFound();
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.SendFileAsync(index, http.RequestAborted);
            return Results.Empty;
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
