using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Audit.Trail;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// Administering a tenant is not reading its records: /admin/audit shows old and new values only of records and
/// fields the administrator could read, masked and hidden as on the record's timeline, old field names included.
/// </summary>
public abstract class AdminAuditTests(SecurityHost host)
{
    private async Task<JsonElement> OnlyEntryAsync(TestUser reader, string query)
    {
        var response = await host.SendAsync(reader, HttpMethod.Get, "admin/audit?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single((await SecurityHost.JsonAsync(response)).GetProperty("value").EnumerateArray());
    }

    private async Task<Guid> CreateAsync(TestUser owner, string entity, object body)
    {
        var (created, _) = await host.Records.CreateAsync(host.Runtime, entity, JsonSerializer.SerializeToElement(body), host.Actor(owner), null, CancellationToken.None);
        return (Guid)created!["id"]!;
    }

    [Fact]
    public async Task The_tenant_trail_shows_values_only_of_records_and_fields_the_administrator_may_read()
    {
        var north = await CreateAsync(Alice, "contact", new { full_name = "North Trail", phone = "13911112222", birthday = "1980-01-02", email = "north.trail@example.com" });
        var south = await CreateAsync(Carol, "contact", new { full_name = "South Trail", phone = "13933334444" });

        // The unit administrator reads north's contact: the phone masked, the birthday left out, as on the record.
        var mine = (await OnlyEntryAsync(UnitAdmin, $"entity=contact&record={north}")).GetProperty("changes");
        Assert.Equal("North Trail", mine.GetProperty("full_name").GetProperty("new").GetString());
        Assert.Equal("139****2222", mine.GetProperty("phone").GetProperty("new").GetString());
        Assert.False(mine.TryGetProperty("birthday", out _));
        Assert.Equal("north.trail@example.com", mine.GetProperty("email").GetProperty("new").GetString()); // read-only is readable

        // South's contact is out of their scope, and the auditor reads no records at all: the entries stay, the values do not.
        foreach (var (reader, record) in new[] { (UnitAdmin, south), (Auditor, north), (Auditor, south) })
        {
            var entry = await OnlyEntryAsync(reader, $"entity=contact&record={record}");
            Assert.Equal("create", entry.GetProperty("action").GetString());
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("changes").ValueKind);
            Assert.True(entry.GetProperty("changes_withheld").GetBoolean());
            Assert.DoesNotContain("Trail", entry.GetRawText(), StringComparison.Ordinal);
        }

        // The built-in administrator reads every record in full.
        var all = (await OnlyEntryAsync(Admin, $"entity=contact&record={south}")).GetProperty("changes");
        Assert.Equal("13933334444", all.GetProperty("phone").GetProperty("new").GetString());
    }

    [Fact]
    public async Task A_restricted_fields_history_under_its_former_name_stays_masked_and_unknown_names_stay_hidden()
    {
        var probe = await CreateAsync(Alice, "probe", new { label = "renamed" });
        // An entry written before "code" was renamed from "old_code", and one naming a field that no longer exists.
        var now = DateTime.UtcNow;
        var changes = new JsonObject
        {
            ["old_code"] = new JsonObject { ["old"] = "A-1234", ["new"] = "B-5678" },
            ["retired"] = new JsonObject { ["old"] = "x-secret", ["new"] = null },
            ["label"] = new JsonObject { ["old"] = "before", ["new"] = "renamed" },
            ["code"] = new JsonObject { ["old"] = AuditValues.Erased, ["new"] = "C-9999" },
        };
        await using (var session = await host.Runtime.Store.OpenAsync(write: true, CancellationToken.None))
        {
            await AuditWriter.AppendAsync(host.Runtime.Store, session,
                [new AuditEntry(Guid.CreateVersion7(now), now, AuditActions.Update, null, "legacy", null, "probe", probe, changes, null)], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        var masked = (await OnlyEntryAsync(UnitAdmin, $"action=update&record={probe}")).GetProperty("changes");
        Assert.Equal("A***", masked.GetProperty("old_code").GetProperty("old").GetString());
        Assert.Equal("B***", masked.GetProperty("old_code").GetProperty("new").GetString());
        Assert.False(masked.TryGetProperty("retired", out _));
        Assert.Equal("before", masked.GetProperty("label").GetProperty("old").GetString());
        Assert.Equal(AuditValues.Erased, masked.GetProperty("code").GetProperty("old").GetString()); // a marker, not a value: kept as is
        Assert.Equal("C***", masked.GetProperty("code").GetProperty("new").GetString());

        // The record's own timeline applies the same rules.
        var timeline = await SecurityHost.JsonAsync(await host.SendAsync(UnitAdmin, HttpMethod.Get, $"data/probe/{probe}/audit"));
        Assert.DoesNotContain("A-1234", timeline.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("x-secret", timeline.GetRawText(), StringComparison.Ordinal);

        var full = (await OnlyEntryAsync(Admin, $"action=update&record={probe}")).GetProperty("changes");
        Assert.Equal("A-1234", full.GetProperty("old_code").GetProperty("old").GetString());
        Assert.Equal("x-secret", full.GetProperty("retired").GetProperty("old").GetString());
    }
}

public sealed class SqliteAdminAuditTests(SqliteSecurityHost host) : AdminAuditTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresAdminAuditTests(PostgresSecurityHost host) : AdminAuditTests(host), IClassFixture<PostgresSecurityHost>;
