using System.Net;
using System.Text.Json;
using Platform.Records;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// Data-subject export and erase are bounded by the administrator's rights on every record they touch: a unit
/// administrator exports what they may read (masked as they read it) and erases what they may update, and is told
/// what was left; the export is audited.
/// </summary>
public abstract class PrivacyTests(SecurityHost host)
{
    private async Task<Guid> CreateAsync(RecordActor actor, string entity, object body)
    {
        var (created, _) = await host.Records.CreateAsync(host.Runtime, entity, JsonSerializer.SerializeToElement(body), actor, null, CancellationToken.None);
        return (Guid)created!["id"]!;
    }

    private Task<Dictionary<string, object?>> StoredAsync(string entity, Guid id) => host.Records.GetAsync(host.Runtime, entity, id, RecordActor.System, CancellationToken.None);

    private static object Activity(Guid contact, string body) => new { subject = "Call", contact, occurred_at = "2026-03-01T10:00:00Z", body };

    [Fact]
    public async Task An_export_holds_only_what_the_administrator_may_read_masked_as_they_read_it_and_is_audited()
    {
        var contact = await CreateAsync(host.Actor(Alice), "contact", new { full_name = "Export Subject", phone = "13955556666", birthday = "1985-05-05" });
        var visible = await CreateAsync(host.Actor(Alice), "activity", Activity(contact, "north call notes"));
        await CreateAsync(RecordActor.System, "activity", Activity(contact, "unowned call notes")); // no owner: only tenant scope reads it

        var response = await host.SendAsync(UnitAdmin, HttpMethod.Get, $"privacy/contacts/{contact}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await SecurityHost.JsonAsync(response);
        var subject = export.GetProperty("subject").GetProperty("record");
        Assert.Equal("139****6666", subject.GetProperty("phone").GetString());
        Assert.False(subject.TryGetProperty("birthday", out _));
        var activities = Assert.Single(export.GetProperty("related").EnumerateArray(), g => g.GetProperty("entity").GetString() == "activity");
        Assert.Equal([visible.ToString()], activities.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(1, activities.GetProperty("withheld").GetInt32());
        Assert.DoesNotContain("unowned call notes", export.GetRawText(), StringComparison.Ordinal);

        var full = await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, $"privacy/contacts/{contact}/export"));
        Assert.Equal("13955556666", full.GetProperty("subject").GetProperty("record").GetProperty("phone").GetString());
        var all = Assert.Single(full.GetProperty("related").EnumerateArray(), g => g.GetProperty("entity").GetString() == "activity");
        Assert.Equal(2, all.GetProperty("records").GetArrayLength());
        Assert.Equal(0, all.GetProperty("withheld").GetInt32());

        var trail = await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, $"admin/audit?action=privacy-export&record={contact}"));
        var exports = trail.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, exports.Count);
        var byUnitAdmin = Assert.Single(exports, e => e.GetProperty("actor_name").GetString() == UnitAdmin.UserName);
        Assert.Equal("contact", byUnitAdmin.GetProperty("entity").GetString());
        Assert.Equal(1, byUnitAdmin.GetProperty("details").GetProperty("related").GetInt32());
        Assert.Equal(1, byUnitAdmin.GetProperty("details").GetProperty("withheld").GetInt32());
    }

    [Fact]
    public async Task An_erasure_changes_only_what_the_administrator_may_update_and_names_what_it_left()
    {
        var contact = await CreateAsync(host.Actor(Alice), "contact",
            new { full_name = "Erase Subject", phone = "13977778888", birthday = "1975-07-07", email = "erase.subject@example.com" });
        var mine = await CreateAsync(host.Actor(Alice), "activity", Activity(contact, "erasable notes"));
        var unowned = await CreateAsync(RecordActor.System, "activity", Activity(contact, "out of reach notes"));

        var response = await host.SendAsync(UnitAdmin, HttpMethod.Post, $"privacy/contacts/{contact}/erase");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await SecurityHost.JsonAsync(response);

        var erased = result.GetProperty("erased").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!,
            e => e.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Order().ToList());
        Assert.Equal(["full_name", "phone"], erased[contact.ToString()]); // masked fields may be written; hidden and read-only ones not
        Assert.Equal(["body"], erased[mine.ToString()]);
        Assert.False(erased.ContainsKey(unowned.ToString()));
        var left = result.GetProperty("not_erased").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal("protected-fields", left[contact.ToString()].GetProperty("reason").GetString());
        Assert.Equal(["birthday", "email"], left[contact.ToString()].GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Order());
        Assert.Equal("out-of-scope", left[unowned.ToString()].GetProperty("reason").GetString());
        Assert.Equal("activity", left[unowned.ToString()].GetProperty("entity").GetString());

        Assert.Equal("erased", (await StoredAsync("contact", contact))["full_name"]);
        Assert.Equal("erase.subject@example.com", (await StoredAsync("contact", contact))["email"]);
        Assert.Equal(new DateOnly(1975, 7, 7), (await StoredAsync("contact", contact))["birthday"]);
        Assert.Null((await StoredAsync("activity", mine))["body"]);
        Assert.Equal("out of reach notes", (await StoredAsync("activity", unowned))["body"]);
    }

    [Fact]
    public async Task Erasing_a_subject_the_administrator_may_not_read_is_not_found_and_changes_nothing()
    {
        var south = await CreateAsync(host.Actor(Carol), "contact", new { full_name = "South Subject" });

        foreach (var administrator in new[] { UnitAdmin, Auditor })
        {
            var response = await host.SendAsync(administrator, HttpMethod.Post, $"privacy/contacts/{south}/erase");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal("South Subject", (await StoredAsync("contact", south))["full_name"]);
    }
}

public sealed class SqlitePrivacyTests(SqliteSecurityHost host) : PrivacyTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresPrivacyTests(PostgresSecurityHost host) : PrivacyTests(host), IClassFixture<PostgresSecurityHost>;
