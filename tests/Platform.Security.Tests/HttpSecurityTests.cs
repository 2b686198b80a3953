using System.Net;
using System.Text.Json;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>The same rules through the HTTP API and a script's crm calls, with users signed in through the token endpoint.</summary>
public abstract class HttpSecurityTests(SecurityHost host)
{
    [Fact]
    public async Task Get_answers_404_out_of_scope_and_patch_403_when_readable_but_not_writable()
    {
        var id = await host.AccountOfAsync(Alice, "http-1");

        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(Carol, HttpMethod.Get, $"data/account/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(Bob, HttpMethod.Get, $"data/account/{id}")).StatusCode);
        var patch = await host.SendAsync(Bob, HttpMethod.Patch, $"data/account/{id}", new { city = "X" });
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal("application/problem+json", patch.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(Carol, HttpMethod.Delete, $"data/account/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_list_with_expand_leaves_out_targets_the_user_may_not_read()
    {
        // A lookup may point only to a record its writer can read: the account leaves Alice's sight after she links it.
        var account = await host.AccountOfAsync(Alice, "http-expand");
        var created = await host.SendAsync(Alice, HttpMethod.Post, "data/contact", new { full_name = "Expand Me", account, phone = "13900001111" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await host.Records.AssignAsync(host.Runtime, "account", account, host.IdOf(Carol), host.Actor(Alice), CancellationToken.None);

        var list = await SecurityHost.JsonAsync(await host.SendAsync(Alice, HttpMethod.Get, "data/contact?$filter=full_name eq 'Expand Me'&$expand=account($select=name)"));

        var row = list.GetProperty("value").EnumerateArray().Single();
        Assert.Equal("139****1111", row.GetProperty("phone").GetString());
        Assert.DoesNotContain("http-expand", row.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_lists_leave_out_unreadable_records_and_linking_needs_update_on_the_source()
    {
        var account = await host.AccountOfAsync(Alice, "http-related");
        var opportunity = (await SecurityHost.JsonAsync(await host.SendAsync(Alice, HttpMethod.Post, "data/opportunity", new { name = "Deal", account }))).GetProperty("id").GetString();
        var mine = (await SecurityHost.JsonAsync(await host.SendAsync(Alice, HttpMethod.Post, "data/contact", new { full_name = "Related Mine" }))).GetProperty("id").GetString();
        var carols = (await SecurityHost.JsonAsync(await host.SendAsync(Carol, HttpMethod.Post, "data/contact", new { full_name = "Related Carol" }))).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(Alice, HttpMethod.Post, $"data/opportunity/{opportunity}/contacts", new { id = mine })).StatusCode);
        // Alice cannot see Carol's contact, so for her it does not exist.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await host.SendAsync(Alice, HttpMethod.Post, $"data/opportunity/{opportunity}/contacts", new { id = carols })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(Admin, HttpMethod.Post, $"data/opportunity/{opportunity}/contacts", new { id = carols })).StatusCode);
        // Bob reads the opportunity through his team but may not change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Bob, HttpMethod.Delete, $"data/opportunity/{opportunity}/contacts/{mine}")).StatusCode);

        var related = await SecurityHost.JsonAsync(await host.SendAsync(Alice, HttpMethod.Get, $"data/opportunity/{opportunity}/contacts"));

        Assert.Equal([mine], related.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(Carol, HttpMethod.Get, $"data/opportunity/{opportunity}/contacts")).StatusCode);
    }

    [Fact]
    public async Task Filtering_on_a_hidden_field_over_http_is_a_400_query_problem()
    {
        var response = await host.SendAsync(Clerk, HttpMethod.Get, "data/account?$filter=startswith(description,'a')");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("description", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_on_a_related_record_sees_only_related_records_the_user_may_read()
    {
        var carols = await host.AccountOfAsync(Alice, "http-related-filter-carol");
        var alices = await host.AccountOfAsync(Alice, "http-related-filter-alice");
        foreach (var (name, account) in new[] { ("Related Filter Carol", carols), ("Related Filter Alice", alices) })
            Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(Alice, HttpMethod.Post, "data/contact", new { full_name = name, account })).StatusCode);
        // Linked while Alice could read it (a lookup may only point to a readable record), then given to Carol.
        await host.Records.AssignAsync(host.Runtime, "account", carols, host.IdOf(Carol), host.Actor(Alice), CancellationToken.None);

        async Task<string[]> NamesAsync(TestUser user, string filter) =>
            (await SecurityHost.JsonAsync(await host.SendAsync(user, HttpMethod.Get, $"data/contact?$filter={Uri.EscapeDataString(filter)}")))
            .GetProperty("value").EnumerateArray().Select(r => r.GetProperty("full_name").GetString()!).ToArray();

        // Alice reads both contacts, but not Carol's account: a filter on its name finds nothing (it cannot probe it).
        Assert.Empty(await NamesAsync(Alice, "account/name eq 'http-related-filter-carol'"));
        Assert.Empty(await NamesAsync(Alice, "startswith(account/name,'http-related-filter-c')"));
        Assert.Equal(["Related Filter Alice"], await NamesAsync(Alice, "startswith(account/name,'http-related-filter-')"));
        Assert.Equal(["Related Filter Carol"], await NamesAsync(Admin, "account/name eq 'http-related-filter-carol'"));

        // Field rules of the related entity hold too: the clerk may not filter on an account's hidden description.
        var hidden = await host.SendAsync(Clerk, HttpMethod.Get, "data/contact?$filter=" + Uri.EscapeDataString("account/description eq 'x'"));
        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Contains("description", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_assign_and_revoke_through_the_endpoints()
    {
        var id = await host.AccountOfAsync(Alice, "http-share");

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(Alice, HttpMethod.Post, $"data/account/{id}/share", new { user = host.IdOf(Carol), rights = new[] { "read", "update" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(Carol, HttpMethod.Patch, $"data/account/{id}", new { city = "Shared" })).StatusCode);
        var shares = await SecurityHost.JsonAsync(await host.SendAsync(Alice, HttpMethod.Get, $"data/account/{id}/shares"));
        Assert.Equal(host.IdOf(Carol).ToString(), shares.GetProperty("value")[0].GetProperty("user").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(Alice, HttpMethod.Delete, $"data/account/{id}/share/user/{host.IdOf(Carol)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(Carol, HttpMethod.Get, $"data/account/{id}")).StatusCode);

        var assign = await host.SendAsync(Alice, HttpMethod.Post, $"data/account/{id}/assign", new { owner = host.IdOf(Dave) });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal("north-east", (await SecurityHost.JsonAsync(assign)).GetProperty("owning_business_unit").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await host.SendAsync(Dave, HttpMethod.Post, $"data/account/{id}/share", new { rights = new[] { "read" } })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await host.SendAsync(Dave, HttpMethod.Post, $"data/account/{id}/share", new { team = "north-team", rights = new[] { "delete" } })).StatusCode);
    }

    [Fact]
    public async Task Owner_in_a_create_body_is_refused()
    {
        var response = await host.SendAsync(Alice, HttpMethod.Post, "data/account", new { name = "http-mass", owner = host.IdOf(Carol) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("/owner", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unauthenticated_request_is_refused_with_401_and_reads_or_writes_nothing()
    {
        var id = await host.AccountOfAsync(Alice, "http-anon");

        var list = await host.SendAsync(null, HttpMethod.Get, "data/account?$filter=name eq 'http-anon'");
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.DoesNotContain("http-anon", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(null, HttpMethod.Get, $"data/account/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(null, HttpMethod.Post, "data/account", new { name = "http-anon-write" })).StatusCode);

        var written = await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, "data/account?$filter=name eq 'http-anon-write'"));
        Assert.Equal(0, written.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Entity_metadata_tells_the_users_privileges_and_field_access()
    {
        var clerk = await SecurityHost.JsonAsync(await host.SendAsync(Clerk, HttpMethod.Get, "metadata/entities/account"));
        var access = clerk.GetProperty("access");

        Assert.Equal("own", access.GetProperty("privileges").GetProperty("read").GetString());
        Assert.Equal("none", access.GetProperty("privileges").GetProperty("share").GetString());
        Assert.Equal("hidden", access.GetProperty("fields").GetProperty("description").GetString());
        Assert.Equal("readOnly", access.GetProperty("fields").GetProperty("annual_revenue").GetString());
        Assert.Equal("masked", access.GetProperty("fields").GetProperty("phone").GetString());
        Assert.Equal("full", access.GetProperty("fields").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Security_metadata_is_for_administrators_only()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Alice, HttpMethod.Get, "metadata/security")).StatusCode);

        var body = await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, "metadata/security"));

        Assert.Contains(body.GetProperty("roles").EnumerateArray(), r => r.GetProperty("name").GetString() == "salesperson");
        Assert.Contains(body.GetProperty("businessUnits").EnumerateArray(), b => b.GetProperty("name").GetString() == "north-east");
        Assert.Contains(body.GetProperty("teams").EnumerateArray(), t => t.GetProperty("name").GetString() == "north-team");
    }

    [Fact]
    public async Task Administration_and_privacy_routes_refuse_signed_in_non_administrators_with_403()
    {
        var created = await host.SendAsync(Alice, HttpMethod.Post, "data/contact", new { full_name = "Admin Routes Subject" });
        var contact = (await SecurityHost.JsonAsync(created)).GetProperty("id").GetString();
        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "admin/users", null),
            (HttpMethod.Post, "admin/users", new { user_name = "intruder", password = "intruder-password-1x9", roles = new[] { "admin" } }),
            (HttpMethod.Get, "admin/audit", null),
            (HttpMethod.Get, "admin/scripts", null),
            (HttpMethod.Get, "admin/scripts/runs", null),
            (HttpMethod.Get, $"privacy/contacts/{contact}/export", null),
            (HttpMethod.Post, $"privacy/contacts/{contact}/erase", null),
            (HttpMethod.Get, $"privacy/contact/{contact}/export", null),
            (HttpMethod.Post, $"privacy/contact/{contact}/erase", null),
            (HttpMethod.Get, "metadata/security", null),
        };

        foreach (var user in new[] { Alice, Manager, Reader, Nobody })
            foreach (var (method, path, body) in requests)
            {
                var response = await host.SendAsync(user, method, path, body);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user.UserName}: {method} {path} answered {(int)response.StatusCode}, not 403");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

        // Nothing was done: no user was created and the contact was not erased; the administrator gets the routes.
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(Admin, HttpMethod.Get, "admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(Admin, HttpMethod.Get, "admin/scripts")).StatusCode);
        var users = await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, "admin/users"));
        Assert.DoesNotContain(users.GetProperty("value").EnumerateArray(), u => u.GetProperty("user_name").GetString() == "intruder");
        var export = await host.SendAsync(Admin, HttpMethod.Get, $"privacy/contacts/{contact}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("Admin Routes Subject", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_document_that_administers_opens_the_administration_routes_but_no_records()
    {
        var contact = (await SecurityHost.JsonAsync(await host.SendAsync(Alice, HttpMethod.Post, "data/contact", new { full_name = "Auditor Subject" })))
            .GetProperty("id").GetString();

        foreach (var path in new[] { "admin/users", "admin/audit", "admin/scripts", "metadata/security" })
        {
            var response = await host.SendAsync(Auditor, HttpMethod.Get, path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
        // Administering the tenant is not a privilege on its records: privacy export opens, but reads only what the role may.
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(Auditor, HttpMethod.Get, $"privacy/contacts/{contact}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(Auditor, HttpMethod.Get, $"data/contact/{contact}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Auditor, HttpMethod.Post, "data/contact", new { full_name = "Not mine to create" })).StatusCode);
    }

    [Fact]
    public async Task A_scripts_crm_calls_see_only_what_the_caller_may_see_and_masked()
    {
        var mine = await host.AccountOfAsync(Clerk, "script-mine", new { phone = "13811112222" });
        var theirs = await host.AccountOfAsync(Carol, "script-theirs");
        var probe = await host.SendAsync(Clerk, HttpMethod.Post, "data/probe", new { label = "p" });
        var probeId = (await SecurityHost.JsonAsync(probe)).GetProperty("id").GetString();

        var mineRun = await SecurityHost.JsonAsync(await host.SendAsync(Clerk, HttpMethod.Post, $"data/probe/{probeId}/actions/look",
            new { filter = "startswith(name,'script-')", id = mine }));
        var theirsRun = await SecurityHost.JsonAsync(await host.SendAsync(Clerk, HttpMethod.Post, $"data/probe/{probeId}/actions/look", new { id = theirs }));

        var result = mineRun.GetProperty("result");
        Assert.Equal(["script-mine"], result.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("138****2222", result.GetProperty("phones")[0].GetString());
        Assert.Equal("found", result.GetProperty("got").GetString());
        Assert.Equal("missing", theirsRun.GetProperty("result").GetProperty("got").GetString());
    }

    [Fact]
    public async Task A_scripts_crm_query_on_a_hidden_field_fails()
    {
        var probe = await host.SendAsync(Clerk, HttpMethod.Post, "data/probe", new { label = "q" });
        var probeId = (await SecurityHost.JsonAsync(probe)).GetProperty("id").GetString();

        var run = await host.SendAsync(Clerk, HttpMethod.Post, $"data/probe/{probeId}/actions/look", new { filter = "description eq 'secret'" });

        Assert.False(run.IsSuccessStatusCode);
    }
}

public sealed class SqliteHttpSecurityTests(SqliteSecurityHost host) : HttpSecurityTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresHttpSecurityTests(PostgresSecurityHost host) : HttpSecurityTests(host), IClassFixture<PostgresSecurityHost>;
