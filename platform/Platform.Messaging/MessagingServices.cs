using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Platform.Messaging.Email;
using Platform.Messaging.Notifications;
using Platform.Storage.Physical;

namespace Platform.Messaging;

public static class MessagingServices
{
    /// <summary>
    /// The email outbox and notifications tables, <see cref="IEmailQueue"/>, <see cref="INotificationSender"/>, the
    /// sender (SMTP when <c>email:smtp:host</c> is set, else <c>.eml</c> files under <paramref name="dataDirectory"/>/mail)
    /// and the delivery service.
    /// </summary>
    public static IServiceCollection AddPlatformMessaging(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddPlatformTables<MessagingTables>();
        services.TryAddSingleton(EmailSettings.Read(configuration, dataDirectory));
        services.TryAddSingleton<EmailSignal>();
        services.TryAddSingleton<IEmailQueue, EmailQueue>();
        services.TryAddSingleton<INotificationSender, NotificationSender>();
        services.TryAddSingleton<IEmailSender>(provider =>
        {
            var settings = provider.GetRequiredService<EmailSettings>();
            var log = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagingServices).FullName!);
            if (settings.Smtp is { } smtp)
            {
                log.LogInformation("Email is sent through {Smtp}.", smtp);
                return new SmtpEmailSender(smtp);
            }
            log.LogInformation("No SMTP server is configured (email:smtp:host): email is written as .eml files under {Folder}.", Path.GetFullPath(settings.MailDirectory));
            return new EmlFileEmailSender(settings.MailDirectory);
        });
        services.TryAddSingleton<EmailDispatcher>();
        services.AddHostedService<EmailDelivery>();
        return services;
    }
}
