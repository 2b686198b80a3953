using System.Net;
using System.Net.Http.Headers;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Who may change the shared views, as the host tells the list screen, and resetting a shared view to the module's document.</summary>
public abstract partial class ApiTests
{
    private static Task<HttpResponseMessage> ResetSharedAsync(HttpClient client, string tenant, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, Views(tenant, "opportunity", "/shared/opportunity-pipeline"));
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_view_list_says_whether_the_caller_may_save_shared_views_only_administrators_may()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada", ["salesperson"]);

        var adas = await ExpectAsync(await ada.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK);
        Assert.False(adas.GetProperty("maySaveShared").GetBoolean());
        var admins = await ExpectAsync(await Client.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK);
        Assert.True(admins.GetProperty("maySaveShared").GetBoolean());
    }

    [Fact]
    public async Task Resetting_a_shared_view_needs_an_administrator_and_brings_back_the_module_document_for_everyone()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada", ["salesperson"]);
        var module = Shared(await ExpectAsync(await ada.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK));
        var moduleColumns = module.GetProperty("columns").EnumerateArray().Select(c => c.Str("field")).ToList();
        await ExpectAsync(await PutSharedAsync(Client, tenant, new { label = "Pipeline", columns = new[] { new { field = "name" } } }, "\"0\""), HttpStatusCode.OK);

        // A salesperson may not reset it; nothing changes.
        var refused = await ExpectProblemAsync(await ResetSharedAsync(ada, tenant, "\"1\""), HttpStatusCode.Forbidden);
        Assert.Equal("Forbidden", refused.Str("title"));
        Assert.Equal(["name"], Shared(await ExpectAsync(await ada.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK))
            .GetProperty("columns").EnumerateArray().Select(c => c.Str("field")));

        // An administrator must name the version loaded: without it 428, with an old one 412.
        await ExpectProblemAsync(await ResetSharedAsync(Client, tenant, null), (HttpStatusCode)428);
        var stale = await ExpectProblemAsync(await ResetSharedAsync(Client, tenant, "\"0\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"1\"", stale.Str("currentVersion"));

        using var reset = await ResetSharedAsync(Client, tenant, "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var seenByAda = Shared(await ExpectAsync(await ada.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK));
        Assert.Equal(moduleColumns, seenByAda.GetProperty("columns").EnumerateArray().Select(c => c.Str("field")));
        Assert.Equal("\"0\"", seenByAda.Str("etag"));
        // Resetting a view that has no saved version is a no-op, not an error.
        using var again = await ResetSharedAsync(Client, tenant, "\"0\"");
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task A_shared_view_reset_in_one_tenant_leaves_the_other_tenants_saved_view()
    {
        var first = await Host.CreateTenantAsync();
        var second = await Host.CreateTenantAsync();
        await ExpectAsync(await PutSharedAsync(Client, first, new { label = "Pipeline", columns = new[] { new { field = "name" } } }, "\"0\""), HttpStatusCode.OK);
        await ExpectAsync(await PutSharedAsync(Client, second, new { label = "Pipeline", columns = new[] { new { field = "amount" } } }, "\"0\""), HttpStatusCode.OK);

        using var reset = await ResetSharedAsync(Client, first, "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var kept = Shared(await ExpectAsync(await Client.GetAsync(Views(second, "opportunity")), HttpStatusCode.OK));
        Assert.Equal(["amount"], kept.GetProperty("columns").EnumerateArray().Select(c => c.Str("field")));
        Assert.Equal("\"1\"", kept.Str("etag"));
    }
}
