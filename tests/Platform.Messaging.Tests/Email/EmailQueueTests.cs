using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Platform.Messaging.Email;
using Platform.Messaging.Notifications;
using Platform.Runtime;

namespace Platform.Messaging.Tests.Email;

/// <summary>The email outbox end to end on a real database: queueing, delivery over SMTP or to files, retries.</summary>
public abstract class EmailQueueTests(MessagingHost host)
{
    private IEmailQueue Queue => host.Services.GetRequiredService<IEmailQueue>();

    private static EmailMessage Message(string? key = null, string subject = "Quote ready") =>
        new(["ada@example.com"], subject, "<p>Your quote is <b>ready</b>.</p>", "Your quote is ready.", ["bob@example.com"], key);

    private static EmailDispatcher SmtpDispatcher(TestSmtpServer server, int maxAttempts = 5, TimeSpan? backoff = null) =>
        new(new SmtpEmailSender(new SmtpSettings("127.0.0.1", server.Port, null, null, null, "none")),
            new EmailSettings { From = "crm@example.com", MaxAttempts = maxAttempts, Backoff = backoff ?? TimeSpan.FromSeconds(1) });

    [Fact]
    public async Task Without_smtp_settings_a_queued_email_is_written_as_an_eml_file_under_the_data_directory()
    {
        var tenant = await host.CreateTenantAsync();
        var id = await Queue.EnqueueAsync(tenant, Message(), null, default);

        var tried = await host.Services.GetRequiredService<EmailDispatcher>().DispatchAsync(tenant, default);

        Assert.Equal(1, tried);
        Assert.IsType<EmlFileEmailSender>(host.Services.GetRequiredService<IEmailSender>());
        var file = Assert.Single(Directory.GetFiles(Path.Combine(host.DataDirectory, "mail", tenant.Id), "*.eml"));
        Assert.EndsWith($"-{id:N}.eml", file);
        var written = await MimeMessage.LoadAsync(file);
        Assert.Equal("Quote ready", written.Subject);
        Assert.Equal(["ada@example.com"], written.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["bob@example.com"], written.Cc.Mailboxes.Select(m => m.Address));
        Assert.Contains("<b>ready</b>", written.HtmlBody);
        Assert.Equal("Your quote is ready.", written.TextBody?.Trim());
        var row = await EmailStore.GetAsync(tenant, id, default);
        Assert.Equal((EmailStatus.Sent, 1), (row!.Status, row.Attempts));
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task A_queued_email_is_delivered_to_the_smtp_server_with_every_recipient()
    {
        var tenant = await host.CreateTenantAsync();
        await using var server = new TestSmtpServer();
        var id = await Queue.EnqueueAsync(tenant, Message(), null, default);

        await SmtpDispatcher(server).DispatchAsync(tenant, default);

        var mail = Assert.Single(server.Received);
        Assert.Equal("crm@example.com", mail.From);
        Assert.Equal(["ada@example.com", "bob@example.com"], mail.To.Order());
        Assert.Contains("Subject: Quote ready", mail.Data);
        Assert.Contains($"Message-Id: <{id:N}@example.com>", mail.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(EmailStatus.Sent, (await EmailStore.GetAsync(tenant, id, default))!.Status);
    }

    [Fact]
    public async Task A_refused_email_is_retried_after_its_backoff_and_then_delivered()
    {
        var tenant = await host.CreateTenantAsync();
        await using var server = new TestSmtpServer { Refusal = "451 4.3.0 try again later" };
        var dispatcher = SmtpDispatcher(server, backoff: TimeSpan.FromSeconds(1));
        var id = await Queue.EnqueueAsync(tenant, Message(), null, default);

        var before = DateTime.UtcNow;
        await dispatcher.DispatchAsync(tenant, default);
        var failed = (await EmailStore.GetAsync(tenant, id, default))!;
        Assert.Equal((EmailStatus.Queued, 1), (failed.Status, failed.Attempts));
        Assert.Contains("try again later", failed.LastError);
        Assert.True(failed.NextAttemptAt >= before.AddSeconds(0.9), $"next attempt {failed.NextAttemptAt:O} is not a backoff after {before:O}");

        // Not due yet: a pass right away leaves it alone.
        server.Refusal = null;
        Assert.Equal(0, await dispatcher.DispatchAsync(tenant, default));
        Assert.Empty(server.Received);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.Received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await dispatcher.DispatchAsync(tenant, default);
        }
        Assert.Single(server.Received);
        var sent = (await EmailStore.GetAsync(tenant, id, default))!;
        Assert.Equal((EmailStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task After_the_last_attempt_the_email_is_failed_with_the_servers_reason()
    {
        var tenant = await host.CreateTenantAsync();
        await using var server = new TestSmtpServer { Refusal = "554 5.7.1 relay denied" };
        var dispatcher = SmtpDispatcher(server, maxAttempts: 3, backoff: TimeSpan.Zero);
        var id = await Queue.EnqueueAsync(tenant, Message(), null, default);

        for (var pass = 0; pass < 5; pass++) await dispatcher.DispatchAsync(tenant, default);

        var row = (await EmailStore.GetAsync(tenant, id, default))!;
        Assert.Equal((EmailStatus.Failed, 3), (row.Status, row.Attempts));
        Assert.Contains("relay denied", row.LastError);
        Assert.Equal(3, server.Refused);
    }

    [Fact]
    public async Task Enqueueing_again_with_the_same_idempotency_key_does_not_queue_twice()
    {
        var tenant = await host.CreateTenantAsync();

        var first = await Queue.EnqueueAsync(tenant, Message("wf-42:step-7"), null, default);
        var again = await Queue.EnqueueAsync(tenant, Message("wf-42:step-7", subject: "changed on retry"), null, default);
        var other = await Queue.EnqueueAsync(tenant, Message("wf-42:step-8"), null, default);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var rows = await EmailStore.ListAsync(tenant, 10, default);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Quote ready", rows.Single(r => r.Id == first).Subject);
    }

    [Fact]
    public async Task In_a_transaction_that_rolls_back_nothing_is_queued_or_notified_and_in_one_that_commits_both_are()
    {
        var tenant = await host.CreateTenantAsync();
        var notifications = host.Services.GetRequiredService<INotificationSender>();
        var user = Guid.NewGuid();

        await using (var session = await tenant.Store.OpenAsync(write: true, default))
        {
            await Queue.EnqueueAsync(tenant, Message("rolled-back"), session, default);
            await notifications.NotifyAsync(tenant, new Notification(user, "Approve quote"), session, default);
            // Disposed without a commit: the caller's step failed.
        }
        Assert.Empty(await EmailStore.ListAsync(tenant, 10, default));
        Assert.Empty(await NotificationStore.ListAsync(tenant, user, unreadOnly: false, 10, default));

        await using (var session = await tenant.Store.OpenAsync(write: true, default))
        {
            await Queue.EnqueueAsync(tenant, Message("committed"), session, default);
            await notifications.NotifyAsync(tenant, new Notification(user, "Approve quote", Link: new NotificationLink("account", Guid.NewGuid())), session, default);
            await session.CommitAsync(default);
        }
        Assert.Equal(["committed"], (await EmailStore.ListAsync(tenant, 10, default)).Select(e => e.IdempotencyKey));
        var notification = Assert.Single(await NotificationStore.ListAsync(tenant, user, unreadOnly: false, 10, default));
        Assert.Equal(("Approve quote", "account"), (notification.Title, notification.Link!.Entity));
    }

    [Fact]
    public async Task Concurrent_claims_never_lease_the_same_email_twice()
    {
        var tenant = await host.CreateTenantAsync();
        for (var i = 0; i < 12; i++) await Queue.EnqueueAsync(tenant, Message($"k{i}"), null, default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => EmailStore.ClaimAsync(tenant, 5, DateTime.UtcNow.AddMinutes(1), default))));

        var ids = claims.SelectMany(c => c.Select(e => e.Id)).ToList();
        Assert.Equal(12, ids.Count);
        Assert.Equal(12, ids.Distinct().Count());
        Assert.Empty(await EmailStore.ClaimAsync(tenant, 5, DateTime.UtcNow.AddMinutes(1), default));
    }

    [Fact]
    public async Task Sent_email_is_purged_after_the_retention_period_and_failed_email_is_kept()
    {
        var tenant = await host.CreateTenantAsync();
        await using var server = new TestSmtpServer();
        var sent = await Queue.EnqueueAsync(tenant, Message("sent"), null, default);
        await SmtpDispatcher(server).DispatchAsync(tenant, default);
        server.Refusal = "554 5.7.1 relay denied";
        var failed = await Queue.EnqueueAsync(tenant, Message("failed"), null, default);
        await SmtpDispatcher(server, maxAttempts: 1).DispatchAsync(tenant, default);

        Assert.Equal(0, await EmailStore.PurgeSentAsync(tenant, DateTime.UtcNow.AddMinutes(-1), default));
        Assert.Equal(1, await EmailStore.PurgeSentAsync(tenant, DateTime.UtcNow.AddMinutes(1), default));

        Assert.Null(await EmailStore.GetAsync(tenant, sent, default));
        Assert.Equal(EmailStatus.Failed, (await EmailStore.GetAsync(tenant, failed, default))!.Status);
    }

    [Fact]
    public async Task A_message_that_could_never_be_sent_is_refused_when_queued()
    {
        var tenant = await host.CreateTenantAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Queue.EnqueueAsync(tenant, new EmailMessage([], "x", TextBody: "y"), null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => Queue.EnqueueAsync(tenant, new EmailMessage(["not an address"], "x", TextBody: "y"), null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => Queue.EnqueueAsync(tenant, new EmailMessage(["a@example.com"], "x\r\nBcc: evil@example.com", TextBody: "y"), null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => Queue.EnqueueAsync(tenant, new EmailMessage(["a@example.com"], "no body"), null, default));
        Assert.Empty(await EmailStore.ListAsync(tenant, 10, default));
    }
}

public sealed class SqliteEmailQueueTests(SqliteMessagingHost host) : EmailQueueTests(host), IClassFixture<SqliteMessagingHost>;

public sealed class PostgresEmailQueueTests(PostgresMessagingHost host) : EmailQueueTests(host), IClassFixture<PostgresMessagingHost>;
