using System.Net;
using System.Text.Json;
using Platform.Records;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// crm.link and crm.unlink in a script act as the action's caller, through the API's link: update on the source, read
/// on the target, audited in the caller's name. The fixture's gate action "link" calls them with its input.
/// </summary>
public abstract class ScriptLinkSecurityTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<(Guid Opportunity, Guid Contact)> DealAndContactAsync(TestUser owner, string name)
    {
        var account = await host.AccountOfAsync(owner, name);
        var (deal, _) = await host.Records.CreateAsync(host.Runtime, "opportunity", JsonSerializer.SerializeToElement(new { name, account }), host.Actor(owner), null, Ct);
        var (contact, _) = await host.Records.CreateAsync(host.Runtime, "contact", JsonSerializer.SerializeToElement(new { full_name = name }), host.Actor(owner), null, Ct);
        return ((Guid)deal!["id"]!, (Guid)contact!["id"]!);
    }

    /// <summary>Runs the gate's link action as the user (on a gate of their own).</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> LinkAsync(TestUser user, Guid opportunity, Guid contact, bool unlink = false)
    {
        var gate = (await SecurityHost.JsonAsync(await host.SendAsync(user, HttpMethod.Post, "data/gate", new { title = "linker" }))).GetProperty("id").GetString();
        using var response = await host.SendAsync(user, HttpMethod.Post, $"data/gate/{gate}/actions/link",
            new { entity = "opportunity", id = opportunity, relation = "contacts", target = contact, unlink });
        return (response.StatusCode, await SecurityHost.JsonAsync(response));
    }

    private Task<IReadOnlyList<Dictionary<string, object?>>> LinkedAsync(Guid opportunity) =>
        host.Records.LinkedAsync(host.Runtime, "opportunity", opportunity, "contacts", RecordActor.System, Ct);

    [Fact]
    public async Task A_script_links_and_unlinks_as_its_caller_and_the_audit_names_them()
    {
        var (deal, contact) = await DealAndContactAsync(Alice, "script-link");

        var linked = await LinkAsync(Alice, deal, contact);
        var unlinked = await LinkAsync(Alice, deal, contact, unlink: true);

        Assert.Equal(HttpStatusCode.OK, linked.Status);
        Assert.True(linked.Body.GetProperty("result").GetProperty("changed").GetBoolean());
        Assert.True(unlinked.Body.GetProperty("result").GetProperty("changed").GetBoolean());
        Assert.Empty(await LinkedAsync(deal));
        var entries = (await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, $"admin/audit?entity=opportunity&record={deal}")))
            .GetProperty("value").EnumerateArray().Where(e => e.GetProperty("action").GetString() is "link" or "unlink").ToList();
        Assert.Equal(["link", "unlink"], entries.Select(e => e.GetProperty("action").GetString()).Order(StringComparer.Ordinal));
        Assert.All(entries, e =>
        {
            Assert.Equal(host.IdOf(Alice).ToString(), e.GetProperty("actor_id").GetString());
            Assert.Equal(contact.ToString(), e.GetProperty("details").GetProperty("targetId").GetString());
        });
    }

    [Fact]
    public async Task A_script_cannot_link_a_target_its_caller_may_not_read_and_learns_only_that_there_is_none()
    {
        var (deal, _) = await DealAndContactAsync(Alice, "script-link-mine");
        var (_, carols) = await DealAndContactAsync(Carol, "script-link-carols");

        var refused = await LinkAsync(Alice, deal, carols);
        var missing = Guid.CreateVersion7();
        var absent = await LinkAsync(Alice, deal, missing);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("scripts/gate-link.js", refused.Body.GetProperty("script").GetString());
        Assert.Equal(4, refused.Body.GetProperty("line").GetInt32());
        Assert.True(refused.Body.GetProperty("column").GetInt32() > 0);
        Assert.Equal($"There is no contact with id {carols}.", refused.Body.GetProperty("message").GetString());
        Assert.Equal($"There is no contact with id {missing}.", absent.Body.GetProperty("message").GetString());
        Assert.Empty(await LinkedAsync(deal));
    }

    [Fact]
    public async Task A_script_cannot_link_from_a_record_its_caller_may_read_but_not_update()
    {
        // Bob is in Alice's team: she reads his deal (team) but updates only her own.
        var (bobs, _) = await DealAndContactAsync(Bob, "script-link-bobs");
        var (_, alices) = await DealAndContactAsync(Alice, "script-link-alices");

        var refused = await LinkAsync(Alice, bobs, alices);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("scripts/gate-link.js", refused.Body.GetProperty("script").GetString());
        Assert.Contains("opportunity", refused.Body.GetProperty("message").GetString());
        Assert.Empty(await LinkedAsync(bobs));
    }
}

public sealed class SqliteScriptLinkSecurityTests(SqliteSecurityHost host) : ScriptLinkSecurityTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresScriptLinkSecurityTests(PostgresSecurityHost host) : ScriptLinkSecurityTests(host), IClassFixture<PostgresSecurityHost>;
