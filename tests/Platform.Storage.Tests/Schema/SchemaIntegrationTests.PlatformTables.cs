using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Schema;

namespace Platform.Storage.Tests.Schema;

public abstract partial class SchemaIntegrationTests
{
    [Fact]
    public async Task A_platform_table_missing_from_an_older_tenant_is_created_and_ensuring_again_changes_nothing()
    {
        await Tenant.ApplyOkAsync(V1);
        // A tenant created before the audit table existed.
        await using (var connection = await Tenant.OpenAsync())
        await using (var drop = connection.CreateCommand($"DROP TABLE {Tenant.Dialect.Table(PlatformTables.Audit, Tenant.Database.Schema)}", null))
            await drop.ExecuteNonQueryAsync();
        Assert.True((await Tenant.PlanAsync(V1)).IsEmpty); // the planner alone would never bring it back

        await PlatformTableUpgrade.EnsureAsync(Tenant.Database, CancellationToken.None);
        await PlatformTableUpgrade.EnsureAsync(Tenant.Database, CancellationToken.None);

        await using var check = await Tenant.OpenAsync();
        Assert.True(await TenantConnections.TableExistsAsync(check, Tenant.Database, PlatformTables.Audit, CancellationToken.None));
        Assert.True((await Tenant.PlanAsync(V1)).IsEmpty);
    }
}
