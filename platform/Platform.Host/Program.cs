using Platform.Host.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlatformHostApplication(builder.Configuration);

var app = builder.Build();
app.UsePlatformHostPipeline();
app.Run();

/// <summary>Visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
