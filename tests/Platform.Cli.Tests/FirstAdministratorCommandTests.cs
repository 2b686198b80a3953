using System.Text.RegularExpressions;
using Platform.Cli.Tests.Support;
using Platform.Identity.Passwords;
using Platform.Identity.Users;

namespace Platform.Cli.Tests;

/// <summary>apply on a new tenant creates user admin (in business unit root): the configured password, or a generated one printed once.</summary>
public sealed partial class FirstAdministratorCommandTests : IAsyncLifetime
{
    private const string Tenant = "acme";
    private SqliteTenantStorage _storage = null!;

    [GeneratedRegex("generated password: (\\S+)")]
    private static partial Regex GeneratedPassword();

    public Task InitializeAsync()
    {
        _storage = new SqliteTenantStorage();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private Task<CliRun> ApplyAsync(IReadOnlyDictionary<string, string> environment) =>
        CliHarness.RunAsync(environment, ["apply", .. CliHarness.ShippedModules, "--tenant", Tenant, .. _storage.Arguments]);

    private async Task<PlatformUser> AdminAsync()
    {
        var tenant = await _storage.FindTenantAsync(Tenant) ?? throw new InvalidOperationException("no tenant");
        return await UserStore.FindByNameAsync(tenant.Database, "admin", CancellationToken.None) ?? throw new InvalidOperationException("no admin");
    }

    [Fact]
    public async Task Without_a_configured_password_apply_prints_a_generated_one_once_and_stores_only_its_hash()
    {
        var first = await ApplyAsync(new Dictionary<string, string>());
        CliHarness.AssertExit(0, first);
        var password = GeneratedPassword().Match(first.Out).Groups[1].Value;
        Assert.True(password.Length >= 20, first.ToString());

        var admin = await AdminAsync();
        Assert.Equal(["admin"], admin.Roles);
        Assert.Equal("root", admin.BusinessUnit); // crm-core defines root: the administrator's records belong to it
        Assert.True(admin.IsActive);
        Assert.DoesNotContain(password, admin.PasswordHash);
        Assert.True(PasswordHashing.Verify(admin.PasswordHash, password));

        var second = await ApplyAsync(new Dictionary<string, string>());
        CliHarness.AssertExit(0, second);
        Assert.DoesNotContain("password", second.Out + second.Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(PasswordHashing.Verify((await AdminAsync()).PasswordHash, password));

        // Each tenant gets its own random password: none is built in.
        var another = await CliHarness.RunAsync(["apply", .. CliHarness.ShippedModules, "--tenant", "globex", .. _storage.Arguments]);
        Assert.NotEqual(password, GeneratedPassword().Match(another.Out).Groups[1].Value);
    }

    [Fact]
    public async Task With_PLATFORM_ADMIN_PASSWORD_apply_uses_it_and_prints_no_password()
    {
        const string chosen = "chosen-by-the-operator-42";
        var run = await ApplyAsync(new Dictionary<string, string> { [FirstAdministrator.PasswordVariable] = chosen });

        CliHarness.AssertExit(0, run);
        Assert.Contains($"with the password from {FirstAdministrator.PasswordVariable}", run.Out);
        Assert.DoesNotContain(chosen, run.Out);
        Assert.True(PasswordHashing.Verify((await AdminAsync()).PasswordHash, chosen));
    }
}
