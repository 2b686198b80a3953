using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.TestSupport;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>GET /auth/me says whether the signed-in user administers the tenant (the web app hides admin screens by it).</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task Me_and_the_sign_in_say_an_administrator_administers_the_tenant_and_a_salesperson_does_not()
    {
        var tenant = await Host.CreateTenantAsync();
        var (sales, _) = await Host.CreateUserClientAsync(tenant, "sally", roles: ["salesperson"], teams: ["sales"], businessUnit: "root");

        var admin = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/auth/me"), HttpStatusCode.OK);
        Assert.True(admin.GetProperty("administrator").GetBoolean());
        var salesperson = await ExpectAsync(await sales.GetAsync($"/api/{tenant}/auth/me"), HttpStatusCode.OK);
        Assert.False(salesperson.GetProperty("administrator").GetBoolean());
        Assert.Equal("sally", salesperson.Str("user_name"));
        // The cookie sign-in answers the same (the web app keeps that answer as its /auth/me).
        using var browser = Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var adminLogin = await ExpectAsync(await browser.PostAsync($"/api/{tenant}/auth/login", Body(new { username = "admin", password = TestAdmin.Password })), HttpStatusCode.OK);
        Assert.True(adminLogin.GetProperty("administrator").GetBoolean());
        var salesLogin = await ExpectAsync(await browser.PostAsync($"/api/{tenant}/auth/login", Body(new { username = "sally", password = UserClients.Password })), HttpStatusCode.OK);
        Assert.False(salesLogin.GetProperty("administrator").GetBoolean());
        // The flag agrees with the admin routes themselves (the same policy guards the workflow instances).
        await ExpectProblemAsync(await sales.GetAsync($"/api/{tenant}/admin/users"), HttpStatusCode.Forbidden);
        await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/users"), HttpStatusCode.OK);
    }
}
