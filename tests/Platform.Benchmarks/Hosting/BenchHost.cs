using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Api;
using Platform.Benchmarks.Data;
using Platform.Host.Startup;
using Platform.Storage.Providers;

namespace Platform.Benchmarks.Hosting;

/// <summary>
/// One real Kestrel host on 127.0.0.1, composed like Platform.Host's Program (AddPlatformHost, AddPlatformApi,
/// exception handler, status pages, MapPlatformApi) plus the hand-written baseline endpoints.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _started;

    private BenchHost(WebApplication app) => _app = app;

    /// <summary>A request with this header acts as the named user; without it the host has no authentication and is unrestricted.</summary>
    public const string UserHeader = "X-Bench-User";
    public const string BusinessUnitUser = "bu-manager";

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static BenchHost Build(BenchStorage storage, string modulesDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(storage.HostConfiguration(modulesDirectory));
        // As in production settings: no per-request information logs.
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddPlatformHost(builder.Configuration);
        builder.Services.AddPlatformApi();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Stands in for the login: sets the user directly, so requests without the header stay unauthenticated and,
        // with no authentication scheme registered, bypass permissions (the permissions case compares the two).
        app.Use((http, next) =>
        {
            if (http.Request.Headers.ContainsKey(UserHeader)) http.User = BusinessUnitManager;
            return next(http);
        });
        app.MapPlatformApi();
        return new BenchHost(app);
    }

    /// <summary>Maps the baseline over the tenant's database and starts listening.</summary>
    public async Task StartAsync(TenantDatabase baselineDatabase)
    {
        BaselineEndpoints.Map(_app, baselineDatabase);
        await _app.StartAsync();
        _started = true;
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    private static readonly System.Security.Claims.ClaimsPrincipal BusinessUnitManager = new(new System.Security.Claims.ClaimsIdentity(
    [
        new(Platform.Records.Security.PlatformClaims.UserId, "0198a000-0000-7000-8000-000000000001"),
        new(Platform.Records.Security.PlatformClaims.Name, BusinessUnitUser),
        new(Platform.Records.Security.PlatformClaims.Role, "sales-manager"),
        new(Platform.Records.Security.PlatformClaims.BusinessUnit, "root"),
    ], "bench"));

    public async ValueTask DisposeAsync()
    {
        if (_started) await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
