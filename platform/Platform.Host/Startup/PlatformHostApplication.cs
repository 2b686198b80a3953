using Platform.Api;
using Platform.Api.Limits;
using Platform.Workflows;

namespace Platform.Host.Startup;

/// <summary>
/// How a platform host is composed: its services and its request pipeline. Program and the benchmark host both call
/// these, so what the benchmarks measure is the host that runs in production, not a look-alike.
/// </summary>
public static class PlatformHostApplication
{
    public static IServiceCollection AddPlatformHostApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformHost(configuration);
        services.AddPlatformApi();
        services.AddPlatformWorkflows(configuration);
        services.AddPlatformRequestLimits(configuration);
        return services;
    }

    public static WebApplication UsePlatformHostPipeline(this WebApplication app)
    {
        // A body over Kestrel's limit fails while it is read: answer 413 rather than 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        // The web app at /app/ (static files before routing; its SPA fallback and / redirect are endpoints).
        app.UsePlatformWebApp();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication (users are known, so each gets a bucket) and before authorization (floods of unauthenticated requests are limited too).
        app.UsePlatformRequestLimits();
        app.UseAuthorization();
        app.MapGet("/health", (HostReadiness readiness) => readiness.IsReady
            ? Results.Ok(new { status = "ready" })
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting", detail: readiness.Status))
            .AllowAnonymous();
        app.MapPlatformApi();
        app.MapWorkflowEndpoints();
        return app;
    }
}
