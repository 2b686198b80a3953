using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Email;
using Platform.Records.Events;
using Platform.Records.Outbox;
using Platform.Workflows.Effects;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task SendEmail_queues_one_email_in_the_outbox_rendered_with_the_records_fields_and_variables()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAsync(tenant, "account", new { name = "Globex", city = "Oslo" });
        await PublishAsync(tenant, Doc("greet",
        [
            new { id = "tell", type = "SendEmail", to = "owner@example.com",
                  subject = new { template = "{{ record.name }} in {{ record.city }}" },
                  body = new { template = "{{ variables.greeting }}, {{ record.name | string.upcase }}!" } },
        ], variables: new { greeting = "Hello" }));

        var started = await StartAsync(tenant, "greet", new { recordId = account, entity = "account" });

        Assert.Equal("finished", started.Str("status"));
        var email = Assert.Single(await EmailStore.ListAsync(await Host.RuntimeAsync(tenant), 10, CancellationToken.None));
        Assert.Equal(["owner@example.com"], email.To);
        Assert.Equal("Globex in Oslo", email.Subject);
        Assert.Equal("Hello, GLOBEX!", email.TextBody);
        Assert.StartsWith($"{started.GetProperty("id").GetGuid()}:tell:", email.IdempotencyKey);
    }

    [Fact]
    public async Task A_trigger_delivered_twice_and_a_step_sending_again_with_its_key_queue_one_email()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAsync(tenant, "account", new { name = "Initech", city = "Rome" });
        await PublishAsync(tenant, Doc("moved",
            [new { id = "tell", type = "SendEmail", to = "desk@example.com", subject = new { template = "{{ record.name }} moved to {{ record.city }}" } }],
            trigger: new { type = "recordUpdated", entity = "account", fields = new[] { "city" } }));
        var runtime = await Host.RuntimeAsync(tenant);
        var consumer = Host.Services.GetServices<IOutboxConsumer>().Single(c => c.Name == "workflows.record-triggers");
        var change = new OutboxEvent(Guid.NewGuid(), DateTime.UtcNow, "account", account, RecordChangeKind.Updated, ["city"], null, 0);
        var delivery = new OutboxDelivery(runtime, change, OutboxDelivery.KeyOf(change.Id, consumer.Name), 1);

        await consumer.HandleAsync(delivery, CancellationToken.None);
        await consumer.HandleAsync(delivery with { Attempt = 2 }, CancellationToken.None);
        var queued = Assert.Single(await EmailStore.ListAsync(runtime, 10, CancellationToken.None));
        // The same execution sending again (a retried step) is answered with the first message, not queued twice.
        await Host.Services.GetRequiredService<IWorkflowMailer>().SendAsync(runtime,
            new WorkflowEmail(["desk@example.com"], "again", "again", queued.IdempotencyKey), null, CancellationToken.None);

        Assert.Equal("Initech moved to Rome", Assert.Single(await EmailStore.ListAsync(runtime, 10, CancellationToken.None)).Subject);
        Assert.Single(await InstancesAsync(tenant, "workflow=moved"));
    }

    [Fact]
    public async Task Notify_stores_a_notification_the_recipient_sees_linked_to_the_record()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAsync(tenant, "account", new { name = "Hooli" });
        await PublishAsync(tenant, Doc("ping",
            [new { id = "ping", type = "Notify", users = Expr("[user.id]"), message = new { template = "Call {{ record.name }}" } }]));

        var started = await StartAsync(tenant, "ping", new { recordId = account, entity = "account" });

        Assert.Equal("finished", started.Str("status"));
        var listed = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/notifications"), HttpStatusCode.OK);
        var notification = Assert.Single(listed.GetProperty("value").EnumerateArray());
        Assert.Equal("Call Hooli", notification.Str("title"));
        Assert.Equal("account", notification.GetProperty("link").Str("entity"));
        Assert.Equal(account, notification.GetProperty("link").GetProperty("recordId").GetGuid());
    }

    [Fact]
    public async Task A_template_that_does_not_parse_or_a_template_file_is_refused_at_draft_validation_with_its_pointer()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        var doc = Doc("bad-template",
        [
            new { id = "tell", type = "SendEmail", to = "a@example.com", subject = new { template = "Hi {{ record.name }}\n{{ end }}" } },
            new { id = "file", type = "SendEmail", to = "a@example.com", template = "templates/welcome.scriban" },
        ]);

        var problem = await ExpectProblemAsync(await Client.PutAsync($"{Workflows(tenant)}/bad-template/draft", Body(doc)), HttpStatusCode.UnprocessableEntity);

        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (File: e.Str("file"), Pointer: e.Str("pointer"), Detail: e.Str("detail"))).ToList();
        Assert.All(errors, e => Assert.Equal("workflows/bad-template.json", e.File));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/0/subject/template" && e.Detail.Contains("not a valid template: line 2, column"));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/1/template" && e.Detail.Contains("'templates/welcome.scriban'"));
    }

    [Fact]
    public async Task A_template_failing_at_run_time_faults_the_activity_with_an_incident_naming_template_line_and_column()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, Doc("loops",
            [new { id = "tell", type = "SendEmail", to = "a@example.com", subject = "Loop", body = new { template = "x\n{{ for i in 1..100000 }}.{{ end }}" } }]));

        var started = await StartAsync(tenant, "loops", new { });

        Assert.Equal("faulted", started.Str("status"));
        var incident = Assert.Single((await InstanceAsync(tenant, started.GetProperty("id").GetGuid())).GetProperty("incidents").EnumerateArray());
        Assert.Equal("tell", incident.Str("activity"));
        Assert.Contains("The template loops:tell.body failed at line 2, column", incident.Str("error"));
        Assert.Empty(await EmailStore.ListAsync(await Host.RuntimeAsync(tenant), 10, CancellationToken.None));
    }
}
