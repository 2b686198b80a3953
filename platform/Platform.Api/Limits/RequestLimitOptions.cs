using Microsoft.Extensions.Configuration;

namespace Platform.Api.Limits;

/// <summary>
/// Request rate and size limits (configuration <c>limits:*</c>). A rate of 0 switches that limiter off — the
/// benchmarks do, since they measure the API, not the limiter.
/// </summary>
public sealed record RequestLimitOptions
{
    /// <summary>Sustained requests per second one tenant may make (all its users together); bursts up to twice that.</summary>
    public int TenantRequestsPerSecond { get; init; } = 500;

    /// <summary>Sustained requests per second one user (or one anonymous client address) may make; bursts up to twice that.</summary>
    public int UserRequestsPerSecond { get; init; } = 100;

    /// <summary>The largest request body accepted (a bulk batch of 1,000 records is well under this).</summary>
    public long MaxRequestBodyBytes { get; init; } = 8 * 1024 * 1024;

    public static RequestLimitOptions From(IConfiguration configuration)
    {
        var defaults = new RequestLimitOptions();
        return new RequestLimitOptions
        {
            TenantRequestsPerSecond = configuration.GetValue("limits:tenant-requests-per-second", defaults.TenantRequestsPerSecond),
            UserRequestsPerSecond = configuration.GetValue("limits:user-requests-per-second", defaults.UserRequestsPerSecond),
            MaxRequestBodyBytes = configuration.GetValue("limits:max-request-body-bytes", defaults.MaxRequestBodyBytes),
        };
    }
}
