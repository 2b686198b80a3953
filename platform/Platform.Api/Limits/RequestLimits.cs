using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records.Security;

namespace Platform.Api.Limits;

/// <summary>
/// Per-tenant and per-user rate limits (ASP.NET Core's rate limiter, token buckets chained so a request needs a
/// token from both) and a request-size limit, each refused with an RFC 9457 problem (429 with Retry-After, 413).
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
                await Problems.Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
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
                await Problems.Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request too large",
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

    private static string? TenantKey(HttpContext http) => http.Request.RouteValues["tenant"] as string;

    /// <summary>The user within the tenant; anonymous callers by address, so a flood of failed logins is limited too.</summary>
    private static string? UserKey(HttpContext http)
    {
        var user = http.User.FindFirstValue(PlatformClaims.UserId);
        var tenant = TenantKey(http) ?? "";
        return user is not null ? $"{tenant}/{user}" : $"{tenant}@{http.Connection.RemoteIpAddress}";
    }
}
