using Platform.Audit.Trail;
using Microsoft.Extensions.DependencyInjection;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Security;
using Platform.Runtime;
using Platform.Security.Tests.Support;
using Platform.Storage.Physical;
using Platform.Storage.Records;
using Platform.TestSupport;

namespace Platform.Security.Tests;

/// <summary>Security documents reach a tenant by apply, like entities, even when no table changes.</summary>
public sealed class SecurityDocumentApplyTests(SqliteSecurityHost host) : IClassFixture<SqliteSecurityHost>, IDisposable
{
    private readonly string _modules = Directory.CreateTempSubdirectory("security-apply-").FullName;

    public void Dispose() => Directory.Delete(_modules, recursive: true);

    [Fact]
    public async Task A_changed_role_alone_is_applied_and_served()
    {
        var module = Path.Combine(_modules, "secure-test");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Fixtures", "secure-test"), module);
        var installer = host.Services.GetRequiredService<ModuleInstaller>();
        string[] folders = [Path.Combine(RepositoryPaths.Modules, "crm-core"), Path.Combine(RepositoryPaths.Modules, "sales"), module];
        var first = await installer.ApplyAsync("docs", folders, false, CancellationToken.None);
        Assert.False(first.HasErrors, string.Join("\n", first.Errors));

        var role = Path.Combine(module, "security", "roles", "clerk.json");
        await File.WriteAllTextAsync(role, (await File.ReadAllTextAsync(role)).Replace("\"read\": \"own\"", "\"read\": \"tenant\"", StringComparison.Ordinal));
        var result = await installer.ApplyAsync("docs", folders, false, CancellationToken.None);

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        var runtime = await host.Services.GetRequiredService<TenantRuntimeCache>().GetAsync("docs", CancellationToken.None);
        Assert.Equal(PrivilegeScope.Tenant, runtime!.Definitions.Roles["clerk"].For("account")!.Scope(Privilege.Read));
        // The host's installer (host start, operator API) audits the change in the apply's transaction.
        await using var session = await runtime.Store.OpenAsync(false, CancellationToken.None);
        var entries = await runtime.Store.QueryAsync(session, new RecordQuery(AuditTables.Audit)
        {
            Filter = new ComparisonNode("action", ComparisonOperator.Eq, SecurityDefinitionChanges.Action), Top = 100,
        }, CancellationToken.None);
        var clerk = entries.Rows.Select(r => (string)r["details"]!).Where(d => d.Contains("\"clerk\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, clerk.Count);
        Assert.Contains(clerk, d => d.Contains("\"changed\"", StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
