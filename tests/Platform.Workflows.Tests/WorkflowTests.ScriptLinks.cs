using System.Net;
using System.Text.Json;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>crm.link in a workflow's script: a run links for real; a test run captures the link and links nothing.</summary>
public abstract partial class WorkflowTests
{
    private static Dictionary<string, object?> LinkingWorkflow() => Doc("link-contact",
    [
        new { id = "link", type = "RunScript", script = "return crm.link('opportunity', input.deal, 'contacts', input.contact);", resultVariable = "linked" },
    ]);

    private async Task<(Guid Deal, Guid Contact)> DealAndContactAsync(string tenant)
    {
        var account = await CreateAsync(tenant, "account", new { name = "Initech" });
        return (await CreateAsync(tenant, "opportunity", new { name = "Initech deal", account }), await CreateAsync(tenant, "contact", new { full_name = "Peter Gibbons", account }));
    }

    private async Task<IReadOnlyList<JsonElement>> DealContactsAsync(string tenant, Guid deal) =>
        (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/data/opportunity/{deal}/contacts"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();

    [Fact]
    public async Task A_workflow_script_links_records_through_crm_link()
    {
        var tenant = await Host.CreateTenantAsync();
        await PublishAsync(tenant, LinkingWorkflow());
        var (deal, contact) = await DealAndContactAsync(tenant);

        var started = await StartAsync(tenant, "link-contact", new { input = new { deal, contact } });

        Assert.Equal("finished", started.Str("status"));
        Assert.True((await InstanceAsync(tenant, started.GetProperty("id").GetGuid())).GetProperty("variables").GetProperty("linked").GetBoolean());
        Assert.Equal(contact, Assert.Single(await DealContactsAsync(tenant, deal)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_test_run_captures_a_scripts_link_and_links_nothing()
    {
        var tenant = await Host.CreateTenantAsync();
        await ExpectAsync(await Client.PutAsync($"{Workflows(tenant)}/link-contact/draft", Body(LinkingWorkflow())), HttpStatusCode.OK);
        var (deal, contact) = await DealAndContactAsync(tenant);

        var run = await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/link-contact/test-run", Body(new { input = new { deal, contact } })), HttpStatusCode.OK);

        Assert.Equal("finished", run.Str("status"));
        var captured = Assert.Single(run.GetProperty("captured").EnumerateArray());
        Assert.Equal("linkRecord", captured.Str("kind"));
        Assert.Equal("contacts", captured.Str("relation"));
        Assert.Equal(contact, captured.GetProperty("targetId").GetGuid());
        Assert.Empty(await DealContactsAsync(tenant, deal));
    }
}
