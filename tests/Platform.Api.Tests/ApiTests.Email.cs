using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Email;
using Platform.Runtime;

namespace Platform.Api.Tests;

/// <summary>The host composes the email outbox and delivers queued mail in the background (as .eml files when no SMTP server is set).</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task The_host_delivers_queued_email_in_the_background()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = (await Host.Services.GetRequiredService<TenantRuntimeCache>().GetAsync(tenant, CancellationToken.None))!;

        var id = await Host.Services.GetRequiredService<IEmailQueue>().EnqueueAsync(runtime,
            new EmailMessage(["ada@example.com"], "Welcome", TextBody: "Hello Ada"), null, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        QueuedEmail? row;
        while ((row = await EmailStore.GetAsync(runtime, id, CancellationToken.None))!.Status != EmailStatus.Sent && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(EmailStatus.Sent, row.Status);
        Assert.IsType<EmlFileEmailSender>(Host.Services.GetRequiredService<IEmailSender>());
    }
}
