using System.Net;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Bounds of list requests: how deep $skip goes.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task A_skip_beyond_ten_thousand_is_a_400_problem_pointing_to_skiptoken()
    {
        var tenant = await Host.CreateTenantAsync();

        var problem = await ExpectProblemAsync(await Client.GetAsync(List(tenant, "account", ("$skip", "10001"))), HttpStatusCode.BadRequest);

        Assert.Contains("$skiptoken", problem.GetRawText());
        await ListAsync(tenant, "account", ("$skip", "10000"));
    }
}
