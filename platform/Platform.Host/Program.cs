using Platform.Api;
using Platform.Host.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlatformHost(builder.Configuration);
builder.Services.AddPlatformApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/health", (HostReadiness readiness) => readiness.IsReady
    ? Results.Ok(new { status = "ready" })
    : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting", detail: readiness.Status))
    .AllowAnonymous();
app.MapPlatformApi();
app.Run();

/// <summary>Visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
