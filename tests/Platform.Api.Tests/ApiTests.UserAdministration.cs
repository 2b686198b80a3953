using Platform.Audit.Trail;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>User administration: names must exist, and each change commits with its audit entries or not at all.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task Assigned_role_team_and_business_unit_names_must_exist_as_spelt()
    {
        var tenant = await Host.CreateTenantAsync();
        var refused = await ExpectProblemAsync(await Client.PostAsync($"/api/{tenant}/admin/users", Body(new
        {
            user_name = "typo", password = UserClients.Password, roles = new[] { "salesperson", "Admin", "sales-manger" },
            teams = new[] { "sales", "north" }, business_unit = "emea",
        })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/roles/1", "/roles/2", "/teams/1", "/business_unit"], Pointers(refused));
        var users = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/users"), HttpStatusCode.OK);
        Assert.DoesNotContain(users.Values(), u => u.Str("user_name") == "typo");

        var id = await TenantUsers.CreateAsync(Client, tenant, "speller", roles: ["salesperson"], teams: ["sales"], businessUnit: "root");
        var patch = await ExpectProblemAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{id}", Body(new { roles = new[] { "salesperson", "ghost" }, business_unit = "nowhere" })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/roles/1", "/business_unit"], Pointers(patch));
    }

    [Fact]
    public async Task A_user_change_whose_audit_entry_cannot_be_written_is_not_saved()
    {
        var tenant = await Host.CreateTenantAsync();
        var id = await TenantUsers.CreateAsync(Client, tenant, "steady", roles: ["read-only"]);
        var runtime = await RuntimeAsync(tenant);
        var database = runtime.Tenant.Database;

        async Task RenameAuditAsync(string from, string to)
        {
            await using var connection = await TenantConnections.OpenAsync(database, CancellationToken.None);
            await using var command = connection.CreateCommand(
                $"ALTER TABLE {database.Dialect.Table(from, database.Schema)} RENAME TO {database.Dialect.Quote(to)}", null);
            await command.ExecuteNonQueryAsync();
        }

        await RenameAuditAsync(AuditTables.Audit, "platform_audit_away");
        try
        {
            using var patch = await Client.PatchAsync($"/api/{tenant}/admin/users/{id}", Body(new { roles = new[] { "salesperson" }, display_name = "Changed" }));
            Assert.Equal(HttpStatusCode.InternalServerError, patch.StatusCode);
            using var create = await Client.PostAsync($"/api/{tenant}/admin/users", Body(new { user_name = "unaudited", password = UserClients.Password }));
            Assert.Equal(HttpStatusCode.InternalServerError, create.StatusCode);
            using var reset = await Client.PostAsync($"/api/{tenant}/admin/users/{id}/password", Body(new { password = "a-brand-new-password" }));
            Assert.Equal(HttpStatusCode.InternalServerError, reset.StatusCode);
        }
        finally
        {
            await RenameAuditAsync("platform_audit_away", AuditTables.Audit);
        }

        var user = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/users/{id}"), HttpStatusCode.OK);
        Assert.Equal(["read-only"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEqual("Changed", user.Str("display_name"));
        var users = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/users"), HttpStatusCode.OK);
        Assert.DoesNotContain(users.Values(), u => u.Str("user_name") == "unaudited");
        await Host.TokenAsync(tenant, "steady", UserClients.Password); // the old password still works

        // With the trail back, the same change commits together with its entries.
        await ExpectAsync(await Client.PatchAsync($"/api/{tenant}/admin/users/{id}", Body(new { roles = new[] { "salesperson" } })), HttpStatusCode.OK);
        var granted = Assert.Single(await AuditEntriesAsync(AdminAudit(tenant, ("action", "role-granted"))));
        Assert.Equal(id.ToString(), granted.Str("record_id"));
        Assert.Equal("salesperson", granted.GetProperty("details").Str("role"));
    }
}
