using Microsoft.Extensions.Configuration;
using Platform.Identity.Login;
using Platform.Identity.Users;

namespace Platform.Api.Auth;

/// <summary>
/// Authentication settings from configuration: <c>auth:token-minutes</c> (default 60), <c>auth:lockout-failures</c>
/// (5), <c>auth:lockout-minutes</c> (15), <c>auth:admin-password</c> or PLATFORM_ADMIN_PASSWORD (first administrator).
/// </summary>
public sealed record AuthSettings(TimeSpan TokenLifetime, LockoutOptions Lockout, string? AdminPassword)
{
    public static AuthSettings From(IConfiguration configuration) => new(
        TimeSpan.FromMinutes(Number(configuration, "auth:token-minutes", 60)),
        new LockoutOptions(Number(configuration, "auth:lockout-failures", LockoutOptions.Default.MaxFailedLogins),
            TimeSpan.FromMinutes(Number(configuration, "auth:lockout-minutes", (int)LockoutOptions.Default.Duration.TotalMinutes))),
        NullIfEmpty(configuration["auth:admin-password"]) ?? NullIfEmpty(Environment.GetEnvironmentVariable(FirstAdministrator.PasswordVariable)));

    private static int Number(IConfiguration configuration, string key, int fallback) =>
        configuration[key] is { } text
            ? int.TryParse(text, out var value) && value > 0 ? value : throw new InvalidOperationException($"{key} must be a positive whole number, not '{text}'.")
            : fallback;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
