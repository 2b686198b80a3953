using System.Net;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>PATCH .../bulk holds each record to the same rules as a single update: scope, field security, no probing.</summary>
public abstract class BulkUpdateSecurityTests(SecurityHost host)
{
    /// <summary>The answer's status and its error pointers, in order, comma-separated (value equality for asserts).</summary>
    private async Task<(HttpStatusCode Status, string Pointers)> BulkPatchAsync(TestUser user, string entity, params object[] records)
    {
        var response = await host.SendAsync(user, HttpMethod.Patch, $"data/{entity}/bulk", new { records });
        if (response.StatusCode == HttpStatusCode.OK) return (response.StatusCode, "");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await SecurityHost.JsonAsync(response);
        return (response.StatusCode, string.Join(",", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!).Order(StringComparer.Ordinal)));
    }

    private async Task<string?> CityAsync(Guid id) =>
        (string?)(await host.Records.GetAsync(host.Runtime, "account", id, host.Actor(Admin), CancellationToken.None))["city"];

    [Fact]
    public async Task A_user_who_may_update_only_own_records_gets_the_batch_refused_at_the_others_pointers()
    {
        var own = await host.AccountOfAsync(Clerk, "bulk-sec-own");
        var teammates = await host.AccountOfAsync(Alice, "bulk-sec-alice");
        var missing = Guid.NewGuid();

        var refused = await BulkPatchAsync(Clerk, "account", new { id = own, city = "Turin" }, new { id = teammates, city = "Turin" }, new { id = missing, city = "Turin" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "/records/1,/records/2"), refused);
        Assert.Null(await CityAsync(own));
        Assert.Null(await CityAsync(teammates));

        // A record the user reads but may not update (Bob sees Alice's through their team) is refused in the same words.
        var bob = await host.SendAsync(Bob, HttpMethod.Patch, "data/account/bulk", new { records = new[] { new { id = teammates, city = "Turin" } } });
        var unknown = await host.SendAsync(Bob, HttpMethod.Patch, "data/account/bulk", new { records = new[] { new { id = missing, city = "Turin" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bob.StatusCode);
        Assert.Equal(Detail(await SecurityHost.JsonAsync(bob)), Detail(await SecurityHost.JsonAsync(unknown)));

        Assert.Equal((HttpStatusCode.OK, ""), await BulkPatchAsync(Clerk, "account", new { id = own, city = "Turin" }));
        Assert.Equal("Turin", await CityAsync(own));
    }

    [Fact]
    public async Task Read_only_and_hidden_fields_are_refused_per_record_and_nothing_is_written()
    {
        var first = await host.AccountOfAsync(Clerk, "bulk-sec-ro-1");
        var second = await host.AccountOfAsync(Clerk, "bulk-sec-ro-2");

        var refused = await BulkPatchAsync(Clerk, "account", new { id = first, city = "Genoa" }, new { id = second, annual_revenue = 5, description = "x" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "/records/1/annual_revenue,/records/1/description"), refused);
        Assert.Null(await CityAsync(first));
    }

    [Fact]
    public async Task A_masked_field_may_not_be_set_in_a_batch()
    {
        var own = await host.AccountOfAsync(Clerk, "bulk-sec-masked");

        var refused = await BulkPatchAsync(Clerk, "account", new { id = own, phone = "+86 21 5555 0100", city = "Xi'an" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "/records/0/phone"), refused);
        Assert.Null(await CityAsync(own));
    }

    private static string Detail(System.Text.Json.JsonElement problem) =>
        string.Join("|", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("detail").GetString()));
}

public sealed class SqliteBulkUpdateSecurityTests(SqliteSecurityHost host) : BulkUpdateSecurityTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresBulkUpdateSecurityTests(PostgresSecurityHost host) : BulkUpdateSecurityTests(host), IClassFixture<PostgresSecurityHost>;
