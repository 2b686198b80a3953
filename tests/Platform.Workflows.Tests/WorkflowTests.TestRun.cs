using System.Net;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task A_test_run_captures_record_writes_and_email_instead_of_performing_them_and_answers_the_path()
    {
        var tenant = await Host.CreateTenantAsync();
        var doc = Doc("welcome",
        [
            new { id = "big", type = "If", condition = Expr("record.employees > 100") },
            new { id = "mark", type = "UpdateRecord", entity = "account", recordId = Expr("record.id"), values = new { tier = "vip" } },
            new { id = "note", type = "CreateRecord", entity = "contact", values = new { full_name = Expr("'Contact of ' + record.name"), account = Expr("record.id") } },
            new { id = "tell", type = "SendEmail", to = "owner@example.com", subject = new { template = "{{ record.name }} is big" } },
        ],
        [Link("big", "True", "mark"), Link("mark", "Done", "note"), Link("note", "Done", "tell")],
        trigger: new { type = "recordUpdated", entity = "account" });
        await ExpectAsync(await Client.PutAsync($"{Workflows(tenant)}/welcome/draft", Body(doc)), HttpStatusCode.OK);
        var account = await CreateAsync(tenant, "account", new { name = "Globex", employees = 1000 });

        var run = await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/welcome/test-run", Body(new { recordId = account })), HttpStatusCode.OK);

        Assert.Equal("finished", run.Str("status"));
        Assert.Equal(["big:True", "mark:Done", "note:Done", "tell:Done"], run.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        var captured = run.GetProperty("captured").EnumerateArray().ToList();
        Assert.Equal(["updateRecord", "createRecord", "sendEmail"], captured.Select(c => c.Str("kind")));
        Assert.Equal("Globex is big", captured[2].Str("subject"));
        // Nothing happened for real: the record is as it was, no contact, no email, no instance.
        Assert.Equal("potential", (await RecordAsync(tenant, "account", account)).Str("tier"));
        var contacts = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/data/contact"), HttpStatusCode.OK);
        Assert.Empty(contacts.GetProperty("value").EnumerateArray());
        Assert.Empty(await Platform.Messaging.Email.EmailStore.ListAsync(await Host.RuntimeAsync(tenant), 10, CancellationToken.None));
        Assert.Empty(await InstancesAsync(tenant, "workflow=welcome"));
    }
}
