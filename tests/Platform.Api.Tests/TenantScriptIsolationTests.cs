using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Api.Tests.Support;
using Platform.Runtime;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// Scripts belong to their tenant: tenants whose documents are identical but whose script files differ each run their
/// own, on one host whatever order their runtimes load in and after a restart; an edit to a script alone goes live on
/// apply; two modules that ship the same script path each run their own. Each test owns its storage, since it restarts
/// the host over it.
/// </summary>
public abstract class TenantScriptIsolationTests(TestProvider provider) : IAsyncLifetime
{
    private const string Refusal = "this tenant refuses every opportunity";
    private readonly TempFolder _modules = new();
    private TestStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        _modules.Dispose();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task Two_tenants_with_identical_documents_run_their_own_scripts_in_any_load_order_and_after_a_restart()
    {
        var refusingSales = RefusingSalesCopy("refusing");
        await using (var host = await StartAsync())
        {
            await ApplyAsync(host, "alpha", [ApiHost.ShippedModules[0], refusingSales]);
            await ApplyAsync(host, "beta", ApiHost.ShippedModules);
            await AssertOwnScriptsAsync(host, first: "beta");
        }
        // Restarts: nothing cached survives, and each order of first use is tried.
        await using (var host = await StartAsync()) await AssertOwnScriptsAsync(host, first: "alpha");
        await using (var host = await StartAsync()) await AssertOwnScriptsAsync(host, first: "beta");
    }

    [Fact]
    public async Task An_edit_to_a_script_alone_goes_live_on_apply()
    {
        await using var host = await StartAsync();
        await ApplyAsync(host, "gamma", ApiHost.ShippedModules);
        using var client = PlatformTestHost.AuthenticatedClient(host);
        await ExpectAsync(await CreateOpportunityAsync(client, "gamma"), HttpStatusCode.Created);

        var result = await ApplyAsync(host, "gamma", [ApiHost.ShippedModules[0], RefusingSalesCopy("edited")]);

        Assert.True(result.Applied!.Changed);
        var problem = await ExpectProblemAsync(await CreateOpportunityAsync(client, "gamma"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(Refusal, problem.GetRawText());
    }

    [Fact]
    public async Task Two_modules_with_the_same_script_path_each_run_their_own()
    {
        var one = SameScriptPathModule("one");
        var two = SameScriptPathModule("two");
        await using var host = await StartAsync();
        await ApplyAsync(host, "delta", [.. ApiHost.ShippedModules, one, two]);
        using var client = PlatformTestHost.AuthenticatedClient(host);

        foreach (var module in new[] { "one", "two" })
        {
            var created = await ExpectAsync(await client.PostAsync($"/api/delta/data/{module}_item", Body(new { })), HttpStatusCode.Created);
            Assert.Equal($"set by module {module}", created.GetProperty("origin").GetString());
        }
    }

    private async Task AssertOwnScriptsAsync(WebApplicationFactory<Program> host, string first)
    {
        using var client = PlatformTestHost.AuthenticatedClient(host);
        foreach (var tenant in first == "alpha" ? new[] { "alpha", "beta" } : ["beta", "alpha"])
        {
            using var response = await CreateOpportunityAsync(client, tenant);
            if (tenant == "beta")
            {
                await ExpectAsync(response, HttpStatusCode.Created);
                continue;
            }
            var problem = await ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.Contains(Refusal, problem.GetRawText());
        }
    }

    private static async Task<HttpResponseMessage> CreateOpportunityAsync(HttpClient client, string tenant)
    {
        var account = await ExpectAsync(await client.PostAsync($"/api/{tenant}/data/account", Body(new { name = "Acme " + Guid.NewGuid().ToString("N")[..8] })), HttpStatusCode.Created);
        return await client.PostAsync($"/api/{tenant}/data/opportunity",
            Body(new { name = "Deal", account = account.GetProperty("id").GetString() }));
    }

    /// <summary>The shipped sales module, byte for byte, except that its opportunity beforeSave refuses every save.</summary>
    private string RefusingSalesCopy(string name)
    {
        var folder = _modules.Copy(ApiHost.ShippedModules[1], Path.Combine(name, "sales"));
        File.WriteAllText(Path.Combine(folder, "scripts", "opportunity-rules.js"), $"errors.add('name', '{Refusal}');\n");
        return folder;
    }

    /// <summary>A module whose entity's beforeSave is scripts/rules.js, a path the other such module ships too.</summary>
    private string SameScriptPathModule(string name)
    {
        _modules.Write($"same-path/{name}/module.json", $$"""{ "id": "module-{{name}}", "version": "1.0.0" }""");
        _modules.Write($"same-path/{name}/entities/{name}_item.json", $$"""
            { "name": "{{name}}_item", "hooks": { "beforeSave": "scripts/rules.js" }, "fields": [ { "name": "origin", "type": "text" } ] }
            """);
        _modules.Write($"same-path/{name}/scripts/rules.js", $"record.origin = 'set by module {name}';\n");
        return Path.Combine(_modules.Path, "same-path", name);
    }

    private async Task<WebApplicationFactory<Program>> StartAsync()
    {
        var host = ApiHost.Start(_storage.Settings, demo: false);
        using var client = host.CreateClient();
        await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));
        return host;
    }

    private static Task<ModuleInstallResult> ApplyAsync(WebApplicationFactory<Program> host, string tenant, IReadOnlyList<string> modules) =>
        PlatformTestHost.ApplyModulesAsync(host.Services, tenant, modules);
}

public sealed class SqliteTenantScriptIsolationTests() : TenantScriptIsolationTests(TestProvider.Sqlite);

public sealed class PostgresTenantScriptIsolationTests() : TenantScriptIsolationTests(TestProvider.Postgres);
