using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Identity;

namespace Platform.Api.Auth;

/// <summary>
/// Authentication (bearer token, API key, session cookie) and the fallback policy that makes every endpoint
/// require a user of the route's tenant unless it says <c>AllowAnonymous</c> (/health, token, login).
/// </summary>
public static class AuthServices
{
    public static IServiceCollection AddPlatformAuth(this IServiceCollection services)
    {
        services.AddSingleton(sp => AuthSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<AuthSettings>().Lockout);
        services.AddPlatformIdentity();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TenantAdministrators>();

        services.AddAuthentication(AuthSchemes.Selector)
            .AddPolicyScheme(AuthSchemes.Selector, "Bearer token, API key or session cookie", options =>
                options.ForwardDefaultSelector = http =>
                    http.Request.Headers.Authorization.ToString().StartsWith(AuthSchemes.Bearer + " ", StringComparison.OrdinalIgnoreCase) ? AuthSchemes.Bearer
                    : ApiKeyAuthenticationHandler.IsPresent(http.Request) ? AuthSchemes.ApiKey
                    : AuthSchemes.Cookie)
            .AddJwtBearer(AuthSchemes.Bearer, _ => { })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, _ => { })
            .AddCookie(AuthSchemes.Cookie, _ => { });
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer).Configure<SigningKeys>((options, keys) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = TokenIssuer.ValidationParameters(keys);
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    var current = await CurrentSession.RefreshAsync(context.HttpContext, context.Principal,
                        context.Principal?.Identity?.AuthenticationType ?? AuthSchemes.Bearer);
                    if (current is null) context.Fail("The user is unknown or inactive, or the session has ended.");
                    else context.Principal = current;
                },
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie).Configure(ConfigureCookie);

        services.AddSingleton<IAuthorizationHandler, TenantMatchRequirement>();
        services.AddSingleton<IAuthorizationHandler, CookieCsrfRequirement>();
        services.AddSingleton<IAuthorizationHandler, AdministersTenant>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(TenantUser().Build())
            .AddPolicy(AuthSchemes.AdminPolicy, TenantUser().AddRequirements(new AdministersTenant.Requirement()).Build());
        return services;
    }

    private static AuthorizationPolicyBuilder TenantUser() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new TenantMatchRequirement(), new CookieCsrfRequirement());

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = AuthSchemes.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events = new CookieAuthenticationEvents
        {
            // One cookie per tenant: it is only sent to that tenant's routes.
            OnSigningIn = context =>
            {
                context.CookieOptions.Path = TenantPath(context.HttpContext);
                return Task.CompletedTask;
            },
            OnSigningOut = context =>
            {
                context.CookieOptions.Path = TenantPath(context.HttpContext);
                return Task.CompletedTask;
            },
            OnValidatePrincipal = async context =>
            {
                var current = await CurrentSession.RefreshAsync(context.HttpContext, context.Principal, AuthSchemes.Cookie);
                if (current is not null)
                {
                    context.ReplacePrincipal(current);
                    return;
                }
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
            },
            // An API: refusals are problem documents (see AuthorizationProblems), never redirects to a login page.
            OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            },
            OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            },
        };
    }

    private static string TenantPath(HttpContext http) =>
        http.Request.RouteValues["tenant"] is string tenant ? $"/api/{tenant}" : "/";
}
