using System.Net;
using System.Text.Json;
using Platform.Records;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// An action's availableWhen and field security (the secure-test fixture's gate: the clerk reads secret masked, stamp
/// not at all, title in full; vault is encrypted at rest). A condition naming a field the caller does not read in full
/// is not decided for them: the route answers the same 409 whatever the record holds, and the entity metadata the form
/// reads marks the action unavailable, so neither reveals the value nor decides on a masked placeholder.
/// </summary>
public abstract class ActionFieldSecurityTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A gate owned by the clerk; stamp (hidden for them) is written by the system, as they may not write it.</summary>
    private async Task<string> ClerksGateAsync(object values, string? stamp = null)
    {
        var created = await SecurityHost.JsonAsync(await host.SendAsync(Clerk, HttpMethod.Post, "data/gate", values));
        var id = created.GetProperty("id").GetString()!;
        if (stamp is not null)
            await host.Records.UpdateAsync(host.Runtime, "gate", Guid.Parse(id), JsonSerializer.SerializeToElement(new { stamp }), null, RecordActor.System, Ct);
        return id;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> RunAsync(TestUser user, string gate, string action)
    {
        using var response = await host.SendAsync(user, HttpMethod.Post, $"data/gate/{gate}/actions/{action}", new { });
        return (response.StatusCode, await SecurityHost.JsonAsync(response));
    }

    private async Task<JsonElement> ActionAccessAsync(TestUser user) =>
        (await SecurityHost.JsonAsync(await host.SendAsync(user, HttpMethod.Get, "metadata/entities/gate"))).GetProperty("access").GetProperty("actions");

    /// <summary>The problem document but its per-request trace id.</summary>
    private static string WithoutTrace(JsonElement problem) =>
        string.Join("\n", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));

    [Fact]
    public async Task A_condition_on_a_masked_field_is_refused_alike_whatever_the_value_and_not_decided_on_the_placeholder()
    {
        var holds = await ClerksGateAsync(new { title = "a", secret = "go" });
        var fails = await ClerksGateAsync(new { title = "b", secret = "no" });

        var onHolds = await RunAsync(Clerk, holds, "by-secret");
        var onFails = await RunAsync(Clerk, fails, "by-secret");

        Assert.Equal(HttpStatusCode.Conflict, onHolds.Status);
        Assert.Equal(HttpStatusCode.Conflict, onFails.Status);
        Assert.Equal(WithoutTrace(onHolds.Body), WithoutTrace(onFails.Body)); // nothing tells the two records apart
        Assert.Contains("secret", onHolds.Body.GetProperty("detail").GetString());
        Assert.Equal("action-unavailable", onHolds.Body.GetProperty("type").GetString()!.Split('/')[^1]);
        // What the clerk's form has is the placeholder, not the value the condition is about.
        var read = await SecurityHost.JsonAsync(await host.SendAsync(Clerk, HttpMethod.Get, $"data/gate/{holds}"));
        Assert.Equal("g***", read.GetProperty("secret").GetString());
        Assert.False((await ActionAccessAsync(Clerk)).GetProperty("by-secret").GetBoolean());
    }

    [Fact]
    public async Task A_condition_on_a_hidden_field_is_refused_alike_even_where_a_readable_part_would_hold()
    {
        // by-stamp: title eq go OR stamp eq go. The clerk reads title but not stamp: the whole condition is not theirs.
        var byStamp = await ClerksGateAsync(new { title = "x" }, stamp: "go");
        var byNeither = await ClerksGateAsync(new { title = "y" }, stamp: "no");
        var byTitle = await ClerksGateAsync(new { title = "go" }, stamp: "no");

        var answers = new[] { await RunAsync(Clerk, byStamp, "by-stamp"), await RunAsync(Clerk, byNeither, "by-stamp"), await RunAsync(Clerk, byTitle, "by-stamp") };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.Single(answers.Select(a => WithoutTrace(a.Body)).Distinct());
        var read = await SecurityHost.JsonAsync(await host.SendAsync(Clerk, HttpMethod.Get, $"data/gate/{byStamp}"));
        Assert.False(read.TryGetProperty("stamp", out _));
        Assert.False((await ActionAccessAsync(Clerk)).GetProperty("by-stamp").GetBoolean());
    }

    [Fact]
    public async Task A_caller_who_reads_the_fields_in_full_gets_the_condition_decided_on_the_stored_record()
    {
        var holds = await ClerksGateAsync(new { title = "go", secret = "go" }, stamp: "go");
        var fails = await ClerksGateAsync(new { title = "no", secret = "no" }, stamp: "no");

        // The clerk reads title in full: decided for them.
        Assert.Equal(HttpStatusCode.OK, (await RunAsync(Clerk, holds, "by-title")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(Clerk, fails, "by-title")).Status);
        Assert.True((await ActionAccessAsync(Clerk)).GetProperty("by-title").GetBoolean());
        // The administrator reads secret and stamp in full: decided for them on the same records.
        var ran = await RunAsync(Admin, holds, "by-secret");
        Assert.Equal(HttpStatusCode.OK, ran.Status);
        Assert.True(ran.Body.GetProperty("result").GetProperty("ran").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(Admin, fails, "by-secret")).Status);
        Assert.Equal(HttpStatusCode.OK, (await RunAsync(Admin, holds, "by-stamp")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(Admin, fails, "by-stamp")).Status);
        var admins = await ActionAccessAsync(Admin);
        Assert.All(["by-title", "by-secret", "by-stamp", "by-vault", "link"], a => Assert.True(admins.GetProperty(a).GetBoolean()));
    }

    [Fact]
    public async Task A_condition_on_a_field_encrypted_at_rest_is_decided_on_its_clear_value()
    {
        var holds = await ClerksGateAsync(new { title = "v1", vault = "go" });
        var fails = await ClerksGateAsync(new { title = "v2", vault = "no" });

        Assert.Equal(HttpStatusCode.OK, (await RunAsync(Clerk, holds, "by-vault")).Status);
        var refused = await RunAsync(Clerk, fails, "by-vault");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("does not hold", refused.Body.GetProperty("detail").GetString());
        Assert.True((await ActionAccessAsync(Clerk)).GetProperty("by-vault").GetBoolean());
    }
}

public sealed class SqliteActionFieldSecurityTests(SqliteSecurityHost host) : ActionFieldSecurityTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresActionFieldSecurityTests(PostgresSecurityHost host) : ActionFieldSecurityTests(host), IClassFixture<PostgresSecurityHost>;
