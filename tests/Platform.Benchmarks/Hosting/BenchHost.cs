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

    public async ValueTask DisposeAsync()
    {
        if (_started) await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
