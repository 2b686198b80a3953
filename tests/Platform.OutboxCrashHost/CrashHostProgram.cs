using Platform.Host.Startup;
using Platform.Records.Outbox;

namespace Platform.OutboxCrashHost;

/// <summary>
/// The production host plus one outbox consumer that appends every delivery to a journal file (setting <c>journal</c>),
/// so the outbox crash test can kill it as a real process and read afterwards what was delivered, and how often.
/// </summary>
public static class CrashHostProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPlatformHostApplication(builder.Configuration);
        var journal = builder.Configuration["journal"] ?? throw new InvalidOperationException("Set --journal to the file deliveries are appended to.");
        builder.Services.AddSingleton<IOutboxConsumer>(new JournalConsumer(journal));
        var app = builder.Build();
        app.UsePlatformHostPipeline();
        app.Run();
    }
}
