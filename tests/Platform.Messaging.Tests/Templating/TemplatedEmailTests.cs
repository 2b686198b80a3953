using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Email;
using Platform.Messaging.Templating;
using Platform.Messaging.Tests.Email;
using Platform.Messaging.Tests.Templates;
using Platform.Records;
using Platform.Templates;

namespace Platform.Messaging.Tests.Templating;

/// <summary>Templates over real records: lookups load through the record service, and a rendered email is queued.</summary>
public abstract class TemplatedEmailTests(MessagingHost host)
{
    [Fact]
    public async Task A_templated_email_reads_the_record_and_its_lookups_from_the_database_and_is_queued()
    {
        var tenant = await host.CreateTenantAsync();
        var records = host.Services.GetRequiredService<RecordService>();
        var (account, _) = await records.CreateAsync(tenant, "account", JsonSerializer.SerializeToElement(new { name = "Acme" }), RecordActor.System, null, default);
        var (contact, _) = await records.CreateAsync(tenant, "contact",
            JsonSerializer.SerializeToElement(new { full_name = "Zoë Ünal", account = account!["id"] }), RecordActor.System, null, default);
        var files = new InMemoryTemplateFiles(new Dictionary<string, string>
        {
            ["quote/subject.sbn"] = "Quote for {{ record.account.name }}\n",
            ["quote/body.html.sbn"] = "<p>Dear {{ record.full_name | html.escape }},</p>{{ include 'footer.sbn' }}",
            ["footer.sbn"] = "<p>{{ user.name }}</p>",
        });
        var model = new TemplateModel
        {
            Record = TemplateRecords.From(tenant, "contact", contact!),
            Records = new RecordTemplateLoader(records, tenant, RecordActor.System),
            User = new Dictionary<string, object?> { ["name"] = "Sam" },
        };

        var message = await TemplatedEmail.RenderAsync(host.Services.GetRequiredService<TemplateRenderer>(), tenant.Id, files,
            new EmailTemplates("quote/subject.sbn", "templates/quote/body.html.sbn", null), model, ["zoe@example.com"], null, "quote-1", default);
        var id = await host.Services.GetRequiredService<IEmailQueue>().EnqueueAsync(tenant, message, null, default);

        Assert.Equal("Quote for Acme", message.Subject);
        // html.escape writes non-ASCII letters as character references: valid HTML, shown as written.
        Assert.Equal("<p>Dear Zo&#235; &#220;nal,</p><p>Sam</p>", message.HtmlBody);
        var queued = (await EmailStore.GetAsync(tenant, id, default))!;
        Assert.Equal(("Quote for Acme", EmailStatus.Queued), (queued.Subject, queued.Status));
    }
}

public sealed class SqliteTemplatedEmailTests(SqliteMessagingHost host) : TemplatedEmailTests(host), IClassFixture<SqliteMessagingHost>;

public sealed class PostgresTemplatedEmailTests(PostgresMessagingHost host) : TemplatedEmailTests(host), IClassFixture<PostgresMessagingHost>;
