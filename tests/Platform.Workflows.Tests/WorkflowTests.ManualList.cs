using System.Net;
using Platform.Workflows.Tests.Support;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>GET /workflows/manual?entity=: what record forms offer as "Start" buttons.</summary>
public abstract partial class WorkflowTests
{
    [Fact]
    public async Task Manual_workflows_list_only_published_manual_ones_on_the_entity_with_their_label()
    {
        var tenant = await Host.CreateTenantAsync();
        var step = new object[] { new { id = "mark", type = "SetVariable", name = "done", value = true } };
        await PublishAsync(tenant, Doc("call-back", step, trigger: new { type = "manual", entity = "account" }));
        await PublishAsync(tenant, Doc("on-create", step, trigger: new { type = "recordCreated", entity = "account" }));
        await PublishAsync(tenant, Doc("contact-only", step, trigger: new { type = "manual", entity = "contact" }));
        await ExpectAsync(await Client.PutAsync($"{Workflows(tenant)}/draft-only/draft", Body(Doc("draft-only", step, trigger: new { type = "manual", entity = "account" }))), HttpStatusCode.OK);

        var list = await ExpectAsync(await Client.GetAsync($"{Workflows(tenant)}/manual?entity=account"), HttpStatusCode.OK);

        var only = Assert.Single(list.GetProperty("value").EnumerateArray());
        Assert.Equal("call-back", only.GetProperty("id").GetString());
        Assert.Equal("call-back", only.GetProperty("label").GetProperty("en").GetString());
    }

    [Fact]
    public async Task Manual_workflows_without_an_entity_are_a_bad_query()
    {
        var tenant = await Host.CreateTenantAsync();

        using var response = await Client.GetAsync($"{Workflows(tenant)}/manual");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
