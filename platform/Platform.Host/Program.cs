using Platform.Api;
using Platform.Api.Limits;
using Platform.Host.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlatformHost(builder.Configuration);
builder.Services.AddPlatformApi();
builder.Services.AddPlatformRequestLimits(builder.Configuration);

var app = builder.Build();
// A body over Kestrel's limit fails while it is read: answer 413 rather than 500.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
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
app.Run();

/// <summary>Visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
