using System.Net;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>GET /users/names: any signed-in user reads other users' display names, and nothing else about them.</summary>
public abstract partial class ApiTests
{
    private async Task RenameUserAsync(string tenant, Guid id, string displayName) =>
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{id}", Body(new { display_name = displayName })), HttpStatusCode.OK);

    [Fact]
    public async Task A_user_without_administration_reads_other_users_names_by_id_and_only_their_id_and_name()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada", roles: ["salesperson"]);
        var (_, bobId) = await Host.CreateUserClientAsync(tenant, "bob");
        await RenameUserAsync(tenant, bobId, "Bob Builder");

        var page = await ExpectAsync(await ada.GetAsync($"/api/{tenant}/users/names?ids={bobId},{Guid.NewGuid()}"), HttpStatusCode.OK);

        var bob = Assert.Single(page.Values());
        Assert.Equal((bobId, "Bob Builder"), (bob.Id(), bob.Str("display_name")));
        Assert.Equal(["id", "display_name"], bob.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task User_names_never_answer_a_user_of_another_tenant()
    {
        var tenant = await Host.CreateTenantAsync();
        var other = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada");
        var (_, strangerId) = await Host.CreateUserClientAsync(other, "stranger");

        var byId = await ExpectAsync(await ada.GetAsync($"/api/{tenant}/users/names?ids={strangerId}"), HttpStatusCode.OK);
        var bySearch = await ExpectAsync(await ada.GetAsync($"/api/{tenant}/users/names?search=strang"), HttpStatusCode.OK);

        Assert.Empty(byId.Values());
        Assert.Empty(bySearch.Values());
    }

    [Fact]
    public async Task User_names_search_finds_active_users_by_display_or_user_name()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada");
        var (_, carolId) = await Host.CreateUserClientAsync(tenant, "carol");
        var (_, daveId) = await Host.CreateUserClientAsync(tenant, "dave");
        await RenameUserAsync(tenant, carolId, "Carol Approver");
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{daveId}", Body(new { display_name = "Dave Approver", is_active = false })), HttpStatusCode.OK);

        var found = await ExpectAsync(await ada.GetAsync($"/api/{tenant}/users/names?search=approver"), HttpStatusCode.OK);

        Assert.Equal([carolId], found.Values().Select(u => u.Id()));
    }

    [Fact]
    public async Task User_names_refuse_an_id_that_is_not_one_as_a_problem()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada");

        var problem = await ExpectProblemAsync(await ada.GetAsync($"/api/{tenant}/users/names?ids=nope"), HttpStatusCode.BadRequest);

        Assert.Contains("nope", problem.GetRawText());
    }
}
