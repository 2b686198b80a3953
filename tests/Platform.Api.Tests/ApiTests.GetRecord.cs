using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>GET of one record: $select and $expand as on lists; list-only options refused.</summary>
public abstract partial class ApiTests
{
    private async Task<(string Tenant, Guid Account, Guid Deal)> OneDealAsync() =>
        await Host.SharedAsync("one-deal", async () =>
        {
            var tenant = await Host.CreateTenantAsync();
            var account = (await CreateAsync(tenant, "account", new { name = "Gamma AG", city = "Bern" })).Id();
            var deal = (await CreateAsync(tenant, "opportunity", new { name = "Gamma pilot", account, amount = 10m })).Id();
            return (tenant, account, deal);
        });

    [Fact]
    public async Task Get_by_id_with_select_returns_only_the_id_and_the_selected_fields_and_keeps_the_etag()
    {
        var (tenant, _, deal) = await OneDealAsync();

        using var response = await Client.GetAsync($"{Data(tenant, "opportunity", deal)}?$select=name,amount");
        var record = await ExpectAsync(response, HttpStatusCode.OK);

        Assert.Equal(["id", "name", "amount"], record.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Gamma pilot", record.Str("name"));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Get_by_id_with_expand_turns_the_lookup_into_the_referenced_record()
    {
        var (tenant, account, deal) = await OneDealAsync();

        var record = await ExpectAsync(
            await Client.GetAsync($"{Data(tenant, "opportunity", deal)}?$select=name&$expand=account($select=name,city)"), HttpStatusCode.OK);

        Assert.Equal(["id", "name", "account"], record.EnumerateObject().Select(p => p.Name));
        var expanded = record.GetProperty("account");
        Assert.Equal(JsonValueKind.Object, expanded.ValueKind);
        Assert.Equal(["id", "name", "city"], expanded.EnumerateObject().Select(p => p.Name));
        Assert.Equal((account, "Gamma AG", "Bern"), (expanded.Id(), expanded.Str("name"), expanded.Str("city")));

        var whole = await ExpectAsync(await Client.GetAsync($"{Data(tenant, "opportunity", deal)}?$expand=account"), HttpStatusCode.OK);
        Assert.Equal("Gamma pilot", whole.Str("name"));
        Assert.Equal("Bern", whole.GetProperty("account").Str("city"));
    }

    [Theory]
    [InlineData("$select", "name,nosuchfield")]
    [InlineData("$expand", "tier")]
    [InlineData("$filter", "name eq 'x'")]
    [InlineData("$top", "1")]
    [InlineData("$search", "x")]
    public async Task Get_by_id_with_a_bad_or_list_only_option_is_a_400_problem_naming_it(string option, string value)
    {
        var (tenant, account, _) = await OneDealAsync();

        var problem = await ExpectProblemAsync(
            await Client.GetAsync($"{Data(tenant, "account", account)}?{option}={Uri.EscapeDataString(value)}"), HttpStatusCode.BadRequest);

        Assert.Equal(option, Assert.Single(problem.GetProperty("errors").EnumerateArray()).Str("parameter"));
    }
}
