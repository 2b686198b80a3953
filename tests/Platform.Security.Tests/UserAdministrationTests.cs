using System.Net;
using Platform.Security.Tests.Support;
using Platform.TestSupport;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// Administering users grants no more than the granter holds: the auditor (a role that administers, without record
/// privileges) manages plain users but never makes or changes an administrator; the built-in admin may.
/// </summary>
public abstract class UserAdministrationTests(SecurityHost host)
{
    private static object NewUser(string name, params string[] roles) => new { user_name = name, password = TenantUsers.Password, roles };

    [Fact]
    public async Task An_administering_role_other_than_admin_cannot_create_administrators_or_grant_roles_it_lacks()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Auditor, HttpMethod.Post, "admin/users", NewUser("auditor-made-admin", "admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Auditor, HttpMethod.Post, "admin/users", NewUser("auditor-made-auditor", "auditor"))).StatusCode);
        var lacking = await host.SendAsync(Auditor, HttpMethod.Post, "admin/users", NewUser("auditor-made-seller", "salesperson"));
        Assert.Equal(HttpStatusCode.Forbidden, lacking.StatusCode);
        Assert.Equal("application/problem+json", lacking.Content.Headers.ContentType?.MediaType);
        Assert.Contains("salesperson", (await SecurityHost.JsonAsync(lacking)).GetProperty("detail").GetString());

        var plain = await host.SendAsync(Auditor, HttpMethod.Post, "admin/users", NewUser("auditor-made-plain"));
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        var plainId = (await SecurityHost.JsonAsync(plain)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Auditor, HttpMethod.Patch, $"admin/users/{plainId}", new { roles = new[] { "auditor" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(Auditor, HttpMethod.Post, $"admin/users/{plainId}/password", new { password = "another-password-42x" })).StatusCode);

        var users = await SecurityHost.JsonAsync(await host.SendAsync(Admin, HttpMethod.Get, "admin/users"));
        Assert.DoesNotContain(users.GetProperty("value").EnumerateArray(), u => u.GetProperty("user_name").GetString()!.StartsWith("auditor-made-", StringComparison.Ordinal) &&
                                                                                u.GetProperty("user_name").GetString() != "auditor-made-plain");
        var plainUser = users.GetProperty("value").EnumerateArray().Single(u => u.GetProperty("user_name").GetString() == "auditor-made-plain");
        Assert.Empty(plainUser.GetProperty("roles").EnumerateArray());
    }

    [Fact]
    public async Task Only_the_built_in_admin_changes_an_administrator_or_resets_their_password()
    {
        var admin = host.IdOf(Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Auditor, HttpMethod.Post, $"admin/users/{admin}/password", new { password = "taken-over-password-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Auditor, HttpMethod.Patch, $"admin/users/{admin}", new { roles = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Auditor, HttpMethod.Patch, $"admin/users/{admin}", new { is_active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(Admin, HttpMethod.Get, "auth/me")).StatusCode);

        // The built-in administrator makes an auditor and resets their password.
        var created = await host.SendAsync(Admin, HttpMethod.Post, "admin/users", NewUser("second-auditor", "auditor"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await SecurityHost.JsonAsync(created)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(Admin, HttpMethod.Post, $"admin/users/{id}/password", new { password = "another-password-42x" })).StatusCode);
        // ... whom the first auditor may not touch.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(Auditor, HttpMethod.Post, $"admin/users/{id}/password", new { password = "taken-over-password-1" })).StatusCode);
    }

    [Fact]
    public async Task An_administrator_without_the_built_in_role_cannot_move_themselves_into_another_business_unit_or_team()
    {
        var south = await host.AccountOfAsync(Carol, "south-only");
        var self = host.IdOf(UnitAdmin);

        var moved = await host.SendAsync(UnitAdmin, HttpMethod.Patch, $"admin/users/{self}", new { business_unit = "south" });
        var joined = await host.SendAsync(UnitAdmin, HttpMethod.Patch, $"admin/users/{self}", new { teams = new[] { "north-team" } });

        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, joined.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(UnitAdmin, HttpMethod.Get, $"data/account/{south}")).StatusCode);
        var me = await SecurityHost.JsonAsync(await host.SendAsync(UnitAdmin, HttpMethod.Get, "auth/me"));
        Assert.Equal("north", me.GetProperty("business_unit").GetString());
        // Their profile stays theirs to edit.
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(UnitAdmin, HttpMethod.Patch, $"admin/users/{self}", new { display_name = "Unit admin" })).StatusCode);
    }
}

public sealed class SqliteUserAdministrationTests(SqliteSecurityHost host) : UserAdministrationTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresUserAdministrationTests(PostgresSecurityHost host) : UserAdministrationTests(host), IClassFixture<PostgresSecurityHost>;
