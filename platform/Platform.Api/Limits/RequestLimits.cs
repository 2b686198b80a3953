using Platform.Api.Auth;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Problems;
using Platform.Records.Security;

namespace Platform.Api.Limits;

/// <summary>
/// Per-tenant and per-user rate limits (ASP.NET Core's rate limiter, token buckets chained so a request needs a
/// token from both; unauthenticated requests take one from their client address's bucket only) and a request-size limit, each refused with an RFC 9457 problem (429 with Retry-After, 413).
/// </summary>
public static class RequestLimits
{
    public static IServiceCollection AddPlatformRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = RequestLimitOptions.From(configuration);
        services.AddSingleton(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(options.TenantRequestsPerSecond, TenantKey),
                Partitioned(options.UserRequestsPerSecond, UserKey));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemResults.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                    "The request rate limit of this tenant or user was reached; retry after the time in Retry-After.", "rate-limited").ExecuteAsync(http);
            };
        });
        return services;
    }

    /// <summary>Call after authentication (so users are known) and routing (so the tenant is).</summary>
    public static IApplicationBuilder UsePlatformRequestLimits(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<RequestLimitOptions>();
        app.Use(async (http, next) =>
        {
            // Kestrel enforces the limit on bodies without a Content-Length while they are read (→ 413 by the exception handler).
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = options.MaxRequestBodyBytes;
            if (http.Request.ContentLength > options.MaxRequestBodyBytes)
            {
                await ProblemResults.Of(StatusCodes.Status413PayloadTooLarge, "Request too large",
                    $"The request body has {http.Request.ContentLength:N0} bytes; at most {options.MaxRequestBodyBytes:N0} are accepted.", "request-too-large").ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        app.UseRateLimiter();
        return app;
    }

    private static PartitionedRateLimiter<HttpContext> Partitioned(int perSecond, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            perSecond <= 0 || key(http) is not { } partition
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond * 2,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));

    private static string? RouteTenant(HttpContext http) => http.Request.RouteValues["tenant"] as string;

    /// <summary>
    /// Only requests authenticated for the tenant they address spend its budget: anyone could name a tenant in a URL,
    /// and a flood of anonymous or foreign requests must not lock its users out.
    /// </summary>
    private static string? TenantKey(HttpContext http) => AuthenticatedUser(http) is not null ? RouteTenant(http) : null;

    /// <summary>
    /// A user authenticated for the addressed tenant has a bucket of their own; everyone else (anonymous callers, a
    /// failed login, credentials of another tenant) shares their client address's bucket, whichever tenant they name.
    /// </summary>
    private static string UserKey(HttpContext http) =>
        AuthenticatedUser(http) is { } user ? $"{RouteTenant(http)}/{user}" : $"@{http.Connection.RemoteIpAddress}";

    private static string? AuthenticatedUser(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true || RouteTenant(http) is not { } tenant) return null;
        return string.Equals(http.User.FindFirstValue(PlatformClaims.Tenant), tenant, StringComparison.Ordinal)
            ? http.User.FindFirstValue(PlatformClaims.UserId)
            : null;
    }
}
