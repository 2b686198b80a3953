using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Identity.ApiKeys;
using Platform.Identity.Login;
using Platform.Identity.Storage;
using Platform.Identity.Users;
using Platform.Records.Security;
using Platform.Storage.Physical;

namespace Platform.Identity;

public static class IdentityServices
{
    /// <summary>Users, login with lockout and API keys; <see cref="IUserDirectory"/> is the user directory.</summary>
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, LockoutOptions? lockout = null)
    {
        services.AddPlatformTables<IdentityTables>();
        services.TryAddSingleton(lockout ?? LockoutOptions.Default);
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<IUserDirectory>(sp => sp.GetRequiredService<UserDirectory>());
        services.AddSingleton<LoginService>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<ApiKeyService>();
        return services;
    }
}
