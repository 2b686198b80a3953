using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Saved views: personal views per user on the server, and shared views changed only with If-Match by administrators.</summary>
public abstract partial class ApiTests
{
    private static string Views(string tenant, string entity, string rest = "") => $"/api/{tenant}/views/{entity}{rest}";

    private static object PersonalPipeline(string label = "My big deals") => new
    {
        label,
        columns = new[] { new { field = "name" }, new { field = "stage" }, new { field = "amount" } },
        filter = "amount gt 1000",
        sort = new[] { new { field = "amount", direction = "desc" } },
    };

    private static Task<HttpResponseMessage> PutSharedAsync(HttpClient client, string tenant, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Views(tenant, "opportunity", "/shared/opportunity-pipeline")) { Content = Body(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    private static JsonElement Shared(JsonElement list) => list.Values().Single(v => v.Str("id") == "opportunity-pipeline");

    [Fact]
    public async Task A_personal_view_is_listed_after_the_shared_views_for_its_owner_and_never_for_another_user()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada", ["salesperson"]);
        var (bob, _) = await Host.CreateUserClientAsync(tenant, "bob", ["salesperson"]);

        var created = await ExpectAsync(await ada.PostAsync(Views(tenant, "opportunity", "/personal"), Body(PersonalPipeline())), HttpStatusCode.Created);
        Assert.Equal("personal", created.Str("scope"));
        Assert.Equal("amount gt 1000", created.Str("filter"));

        var adas = await ExpectAsync(await ada.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK);
        Assert.Equal(["shared", "shared", "personal"], adas.Values().Select(v => v.Str("scope")));
        Assert.Equal("opportunity-pipeline", adas.Values()[0].Str("id"));
        Assert.Equal(created.Str("id"), adas.Values()[2].Str("id"));

        var bobs = await ExpectAsync(await bob.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK);
        Assert.DoesNotContain(bobs.Values(), v => v.Str("scope") == "personal");
        // Bob can neither change nor delete Ada's view: it is not there for him.
        await ExpectProblemAsync(await bob.PutAsync(Views(tenant, "opportunity", $"/personal/{created.Str("id")}"), Body(PersonalPipeline("Mine now"))), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await bob.DeleteAsync(Views(tenant, "opportunity", $"/personal/{created.Str("id")}")), HttpStatusCode.NotFound);

        var renamed = await ExpectAsync(await ada.PutAsync(Views(tenant, "opportunity", $"/personal/{created.Str("id")}"), Body(PersonalPipeline("Renamed"))), HttpStatusCode.OK);
        Assert.Equal("\"2\"", renamed.Str("etag"));
        using var deleted = await ada.DeleteAsync(Views(tenant, "opportunity", $"/personal/{created.Str("id")}"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(2, (await ExpectAsync(await ada.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK)).Values().Count);
    }

    [Fact]
    public async Task A_personal_view_never_changes_the_shared_view_anyone_sees()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada", ["salesperson"]);
        var before = Shared(await ExpectAsync(await Client.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK));

        await ExpectAsync(await ada.PostAsync(Views(tenant, "opportunity", "/personal"), Body(PersonalPipeline())), HttpStatusCode.Created);

        var after = Shared(await ExpectAsync(await Client.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK));
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal("\"0\"", after.Str("etag"));
    }

    [Fact]
    public async Task Personal_views_of_one_tenant_are_not_seen_in_another()
    {
        var first = await Host.CreateTenantAsync();
        var second = await Host.CreateTenantAsync();
        await ExpectAsync(await Client.PostAsync(Views(first, "opportunity", "/personal"), Body(PersonalPipeline())), HttpStatusCode.Created);

        var list = await ExpectAsync(await Client.GetAsync(Views(second, "opportunity")), HttpStatusCode.OK);

        Assert.DoesNotContain(list.Values(), v => v.Str("scope") == "personal");
    }

    [Fact]
    public async Task A_view_naming_unknown_or_unreadable_fields_or_a_broken_filter_is_refused_with_each_pointer()
    {
        var tenant = await Host.SharedAsync("screens", () => Host.CreateTenantAsync(Path.Combine(Platform.TestSupport.RepositoryPaths.Root, "tests", "Platform.Api.Tests", "Modules", "screens")));
        var (clerk, _) = await Host.SharedAsync("screens-clerk", () => Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]));
        var body = new
        {
            label = "Bad",
            columns = new[] { new { field = "name" }, new { field = "nope" } },
            filter = "amount gt",
            sort = new[] { new { field = "amount", direction = "desc" } },
        };

        var problem = await ExpectProblemAsync(await clerk.PostAsync(Views(tenant, "opportunity", "/personal"), Body(body)), HttpStatusCode.UnprocessableEntity);

        var pointers = problem.GetProperty("errors").EnumerateArray().Select(e => e.Str("pointer")).ToList();
        Assert.Contains("/columns/1/field", pointers);
        Assert.Contains("/sort/0/field", pointers); // amount is masked for a clerk
        Assert.Contains("/filter", pointers);
    }

    [Fact]
    public async Task Saving_over_the_shared_view_needs_an_administrator_and_the_version_loaded_else_412()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada", ["salesperson"]);
        var shared = new { label = "Pipeline", columns = new[] { new { field = "name" }, new { field = "amount" } }, sort = new[] { new { field = "amount", direction = "desc" } } };

        await ExpectProblemAsync(await PutSharedAsync(ada, tenant, shared, "\"0\""), HttpStatusCode.Forbidden);
        await ExpectProblemAsync(await PutSharedAsync(Client, tenant, shared, null), (HttpStatusCode)428);

        var saved = await ExpectAsync(await PutSharedAsync(Client, tenant, shared, "\"0\""), HttpStatusCode.OK);
        Assert.Equal("\"1\"", saved.Str("etag"));
        // A second administrator who loaded the view before that save is refused instead of overwriting it.
        var stale = await ExpectProblemAsync(await PutSharedAsync(Client, tenant, new { label = "Mine", columns = new[] { new { field = "name" } } }, "\"0\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"1\"", stale.Str("currentVersion"));

        var seenByAda = Shared(await ExpectAsync(await ada.GetAsync(Views(tenant, "opportunity")), HttpStatusCode.OK));
        Assert.Equal(["name", "amount"], seenByAda.GetProperty("columns").EnumerateArray().Select(c => c.Str("field")));
        Assert.True(seenByAda.GetProperty("default").GetBoolean());
    }
}
