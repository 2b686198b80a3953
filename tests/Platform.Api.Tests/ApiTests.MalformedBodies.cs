using System.Net;
using System.Text;
using Platform.Api.Problems;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>The malformed bodies the sweep found answering 500, each pinned down: now a 4xx problem document.</summary>
public abstract partial class ApiTests
{
    [Theory]
    [InlineData("{\"mode\": 1, \"records\": []}", "/mode")]
    [InlineData("{\"mode\": [\"create\"], \"records\": []}", "/mode")]
    [InlineData("{\"mode\": {}, \"records\": [{}]}", "/mode")]
    [InlineData("{\"key\": 5, \"records\": [{}]}", "/key")]
    [InlineData("{\"records\": [null]}", "/records/0")]
    [InlineData("{\"records\": [{\"name\": \"Ok\"}, 1, \"x\", []]}", "/records/1")]
    public async Task A_bulk_body_with_a_mode_key_or_record_of_the_wrong_type_is_a_422_problem_at_its_pointer(string body, string pointer)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var problem = await ExpectProblemAsync(await Client.PostAsync(Data(tenant, "account") + "/bulk", Body(body)), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(pointer, Pointers(problem));
    }

    [Theory]
    [InlineData("POST", "/data/account", "{\"\\ud800\": 1}")]
    [InlineData("POST", "/data/account", "{\"name\": \"\\udfff\"}")]
    [InlineData("PATCH", "/data/account/{id}", "{\"city\": \"a\\ud800b\"}")]
    [InlineData("POST", "/data/account/bulk", "{\"records\": [{\"\\ud800\": 1}]}")]
    [InlineData("POST", "/data/account/{id}/share", "{\"\\ud800\": \"x\"}")]
    [InlineData("POST", "/auth/api-keys", "{\"\\ud800\": \"x\"}")]
    [InlineData("POST", "/auth/token", "{\"username\": \"\\ud800\", \"password\": \"x\"}")]
    [InlineData("PATCH", "/admin/users/{user}", "{\"display_name\": \"\\ud800\"}")]
    public async Task A_json_body_with_a_lone_surrogate_is_a_400_problem(string method, string route, string body)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var account = await Host.SharedAsync("crm-account", () => CreateAccountAsync(tenant, "Shared"));
        var user = await Host.SharedAsync("crm-user", () => Platform.TestSupport.TenantUsers.CreateAsync(Client, tenant, "surrogate-target", ["read-only"]));
        var url = $"/api/{tenant}{route.Replace("{id}", account.ToString()).Replace("{user}", user.ToString())}";

        var problem = await ExpectProblemAsync(
            await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(body) }), HttpStatusCode.BadRequest);

        Assert.Contains("surrogate", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("Shared", (await GetAsync(tenant, "account", account)).Str("name"));
    }

    [Fact]
    public async Task An_action_input_with_a_whole_number_beyond_64_bits_is_a_422_problem_at_its_pointer()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var lead = (await CreateAsync(tenant, "lead", new { full_name = "Big Number", status = "new" })).Id();

        var problem = await ExpectProblemAsync(await Client.PostAsync($"{Data(tenant, "lead", lead)}/actions/convert",
            new StringContent("{\"opportunityName\": 79228162514264337593543950335}", Encoding.UTF8, "application/json")), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["/opportunityName"], Pointers(problem));
    }

    [Theory]
    [InlineData("POST", "/data/account", "{\"name\": \"a\\u0000b\"}")]
    [InlineData("PATCH", "/data/account/{id}", "{\"city\": \"\\u0000\"}")]
    [InlineData("POST", "/auth/token", "{\"username\": \"\\u0000\", \"password\": \"x\"}")]
    [InlineData("POST", "/admin/users", "{\"user_name\": \"nul\\u0000\", \"password\": \"long-enough-password-1\"}")]
    public async Task A_json_body_with_the_character_u0000_is_a_400_problem_on_every_database(string method, string route, string body)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var account = await Host.SharedAsync("crm-account", () => CreateAccountAsync(tenant, "Shared"));

        var problem = await ExpectProblemAsync(await Client.SendAsync(
            new HttpRequestMessage(new HttpMethod(method), $"/api/{tenant}{route.Replace("{id}", account.ToString())}") { Content = Body(body) }), HttpStatusCode.BadRequest);

        Assert.Contains("U+0000", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("Shared", (await GetAsync(tenant, "account", account)).Str("name"));
    }

    [Theory]
    [InlineData("/data/account?$filter=name%20eq%20%27a%00b%27", "$filter")]
    [InlineData("/data/account/export?$filter=contains(name,%27%00%27)", "$filter")]
    [InlineData("/admin/audit?action=%00", "action")]
    [InlineData("/admin/scripts/runs?script=scripts/%00.js", "script")]
    public async Task A_query_value_with_the_character_u0000_is_a_400_problem_naming_the_option(string route, string option)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var problem = await ExpectProblemAsync(await Client.GetAsync($"/api/{tenant}{route}"), HttpStatusCode.BadRequest);

        Assert.Equal(option, Assert.Single(problem.GetProperty("errors").EnumerateArray()).Str("parameter"));
    }

    [Theory]
    [InlineData("login")]
    [InlineData("token")]
    public async Task A_sign_in_with_a_user_name_longer_than_any_column_is_refused_like_any_wrong_sign_in(string endpoint)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var problem = await ExpectProblemAsync(await Host.AnonymousClient.PostAsync($"/api/{tenant}/auth/{endpoint}",
            Body(new { username = new string('y', 5000), password = "whatever" })), HttpStatusCode.Unauthorized);

        Assert.Equal(ProblemResults.TypeBase + "invalid-credentials", problem.Str("type"));
    }

    [Theory]
    [InlineData("POST", "/data/lead", "{\"full_name\": \"A\", \"full_name\": \"B\"}")]
    [InlineData("POST", "/data/lead", "{\"a\": 1, \"a\": 2}")]
    [InlineData("POST", "/data/lead/bulk", "{\"records\": [{\"full_name\": \"A\", \"full_name\": \"B\"}]}")]
    [InlineData("POST", "/data/account", "{\"name\": \"A\", \"name\": \"B\"}")]
    public async Task A_json_body_naming_a_property_twice_is_a_400_problem(string method, string route, string body)
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        await ExpectProblemAsync(await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/{tenant}{route}") { Content = Body(body) }),
            HttpStatusCode.BadRequest);
    }
}
