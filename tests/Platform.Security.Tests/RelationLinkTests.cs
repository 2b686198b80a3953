using System.Net;
using System.Text.Json;
using Platform.Records;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>Many-to-many links go through the record service: update on the source, read on the target, audited with the link.</summary>
public abstract class RelationLinkTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<(Guid Opportunity, Guid Contact)> DealAndContactAsync(TestUser owner, string name)
    {
        var account = await host.AccountOfAsync(owner, name);
        var (deal, _) = await host.Records.CreateAsync(host.Runtime, "opportunity", JsonSerializer.SerializeToElement(new { name, account }), host.Actor(owner), null, Ct);
        var (contact, _) = await host.Records.CreateAsync(host.Runtime, "contact", JsonSerializer.SerializeToElement(new { full_name = name }), host.Actor(owner), null, Ct);
        return ((Guid)deal!["id"]!, (Guid)contact!["id"]!);
    }

    [Fact]
    public async Task Link_and_unlink_are_audited_with_the_relation_and_target()
    {
        var (deal, contact) = await DealAndContactAsync(Alice, "link-audit");

        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(Alice, HttpMethod.Post, $"data/opportunity/{deal}/contacts", new { id = contact })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(Alice, HttpMethod.Delete, $"data/opportunity/{deal}/contacts/{contact}")).StatusCode);

        var entries = (await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, $"admin/audit?entity=opportunity&record={deal}")))
            .GetProperty("value").EnumerateArray().Where(e => e.GetProperty("action").GetString() is "link" or "unlink").ToList();
        Assert.Equal(["link", "unlink"], entries.Select(e => e.GetProperty("action").GetString()).Order(StringComparer.Ordinal));
        Assert.All(entries, e =>
        {
            Assert.Equal(host.IdOf(Alice).ToString(), e.GetProperty("actor_id").GetString());
            Assert.Equal("contacts", e.GetProperty("details").GetProperty("relation").GetString());
            Assert.Equal(contact.ToString(), e.GetProperty("details").GetProperty("targetId").GetString());
        });
    }

    [Fact]
    public async Task Deleting_a_linked_target_audits_the_unlink_on_each_source_in_the_deleters_name()
    {
        var (deal, contact) = await DealAndContactAsync(Alice, "unlink-by-delete");
        Assert.True(await host.Records.LinkAsync(host.Runtime, "opportunity", deal, "contacts", contact, host.Actor(Alice), Ct));

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(Alice, HttpMethod.Delete, $"data/contact/{contact}")).StatusCode);

        Assert.Empty(await host.Records.LinkedAsync(host.Runtime, "opportunity", deal, "contacts", RecordActor.System, Ct));
        var unlink = Assert.Single((await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, $"admin/audit?entity=opportunity&record={deal}&action=unlink")))
            .GetProperty("value").EnumerateArray());
        Assert.Equal(host.IdOf(Alice).ToString(), unlink.GetProperty("actor_id").GetString());
        Assert.Equal("contacts", unlink.GetProperty("details").GetProperty("relation").GetString());
        Assert.Equal(contact.ToString(), unlink.GetProperty("details").GetProperty("targetId").GetString());
    }

    [Fact]
    public async Task A_link_whose_audit_entry_cannot_be_written_is_not_kept()
    {
        var (deal, contact) = await DealAndContactAsync(Alice, "link-atomic");

        await Assert.ThrowsAsync<AuditUnavailableException>(() =>
            host.RecordsWithAudit(new FailingAuditLog()).LinkAsync(host.Runtime, "opportunity", deal, "contacts", contact, host.Actor(Alice), Ct));

        Assert.Empty(await host.Records.LinkedAsync(host.Runtime, "opportunity", deal, "contacts", RecordActor.System, Ct));
    }

    [Fact]
    public async Task Unlinking_a_target_the_user_may_not_read_answers_404_and_keeps_the_link()
    {
        var (deal, _) = await DealAndContactAsync(Alice, "unlink-unreadable");
        var (_, carols) = await DealAndContactAsync(Carol, "unlink-carols");
        Assert.True(await host.Records.LinkAsync(host.Runtime, "opportunity", deal, "contacts", carols, RecordActor.System, Ct));

        var response = await host.SendAsync(Alice, HttpMethod.Delete, $"data/opportunity/{deal}/contacts/{carols}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(await host.Records.LinkedAsync(host.Runtime, "opportunity", deal, "contacts", RecordActor.System, Ct));
    }
}

public sealed class SqliteRelationLinkTests(SqliteSecurityHost host) : RelationLinkTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresRelationLinkTests(PostgresSecurityHost host) : RelationLinkTests(host), IClassFixture<PostgresSecurityHost>;
