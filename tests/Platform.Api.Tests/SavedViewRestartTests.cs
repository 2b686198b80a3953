using System.Net;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Saved views live in the tenant's database: a host started again over the same storage lists them as before (and a reset stays reset).</summary>
public sealed class SavedViewRestartTests
{
    [Fact]
    public Task Personal_and_shared_views_survive_a_restart_on_sqlite() => SaveRestartAndListAsync(TestProvider.Sqlite);

    [Fact]
    public Task Personal_and_shared_views_survive_a_restart_on_postgresql() => SaveRestartAndListAsync(TestProvider.Postgres);

    private static async Task SaveRestartAndListAsync(TestProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var columns = new[] { new { field = "name" }, new { field = "stage" } };
        await using (var host = ApiHost.Start(storage.Settings, demo: true))
        {
            var client = PlatformTestHost.AuthenticatedClient(host);
            await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(120));
            await ExpectAsync(await client.PostAsync("/api/demo/views/opportunity/personal", Body(new { label = "Kept", columns, filter = "stage eq 'won'" })), HttpStatusCode.Created);
            var request = new HttpRequestMessage(HttpMethod.Put, "/api/demo/views/opportunity/shared/opportunity-won") { Content = Body(new { label = "Won", columns }) };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
            await ExpectAsync(await client.SendAsync(request), HttpStatusCode.OK);
        }

        await using (var host = ApiHost.Start(storage.Settings, demo: true))
        {
            var client = PlatformTestHost.AuthenticatedClient(host);
            await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));
            var views = (await ExpectAsync(await client.GetAsync("/api/demo/views/opportunity"), HttpStatusCode.OK)).Values();
            var personal = views.Single(v => v.Str("scope") == "personal");
            Assert.Equal(("Kept", "stage eq 'won'"), (personal.Str("label"), personal.Str("filter")));
            var won = views.Single(v => v.Str("id") == "opportunity-won");
            Assert.Equal(("\"1\"", 2), (won.Str("etag"), won.GetProperty("columns").GetArrayLength()));

            // Reset to the module's document: that too is kept over a restart.
            var reset = new HttpRequestMessage(HttpMethod.Delete, "/api/demo/views/opportunity/shared/opportunity-won");
            reset.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
            using var answered = await client.SendAsync(reset);
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }

        await using (var host = ApiHost.Start(storage.Settings, demo: true))
        {
            var client = PlatformTestHost.AuthenticatedClient(host);
            await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));
            var views = (await ExpectAsync(await client.GetAsync("/api/demo/views/opportunity"), HttpStatusCode.OK)).Values();
            var won = views.Single(v => v.Str("id") == "opportunity-won");
            Assert.Equal("\"0\"", won.Str("etag"));
            Assert.NotEqual(2, won.GetProperty("columns").GetArrayLength());
            Assert.Single(views, v => v.Str("scope") == "personal");
        }
    }
}
