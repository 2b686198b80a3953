using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Schema;

namespace Platform.Storage.Tests.Schema;

public abstract partial class SchemaIntegrationTests
{
    /// <summary>A feature's table, declared in its own project (here: this test project), as audit or shares are in theirs.</summary>
    private sealed class LaterFeatureTables : IPlatformTables
    {
        public const string Name = "platform_test_later_feature";

        public IReadOnlyList<TableModel> Tables { get; } =
        [
            new(Name,
            [
                new("id", ValueKind.Guid, typeof(Guid), false),
                new("note", ValueKind.String, typeof(string), true, MaxLength: 100),
                new("at", ValueKind.DateTime, typeof(DateTime), false),
            ], ["id"], [new IndexModel("ix_platform_test_later_feature_at", ["at"], false)], []),
        ];
    }

    [Fact]
    public async Task A_platform_table_a_feature_declares_is_created_for_an_older_tenant_and_ensuring_again_changes_nothing()
    {
        PlatformTables.Add(new LaterFeatureTables());
        Assert.Contains(PlatformTables.All, t => t.Name == LaterFeatureTables.Name);
        await Tenant.ApplyOkAsync(V1);
        // A tenant created before the feature declared its table.
        await using (var connection = await Tenant.OpenAsync())
        await using (var drop = connection.CreateCommand($"DROP TABLE {Tenant.Dialect.Table(LaterFeatureTables.Name, Tenant.Database.Schema)}", null))
            await drop.ExecuteNonQueryAsync();
        Assert.True((await Tenant.PlanAsync(V1)).IsEmpty); // the planner alone would never bring it back

        await PlatformTableUpgrade.EnsureAsync(Tenant.Database, CancellationToken.None);
        await PlatformTableUpgrade.EnsureAsync(Tenant.Database, CancellationToken.None);

        await using var check = await Tenant.OpenAsync();
        Assert.True(await TenantConnections.TableExistsAsync(check, Tenant.Database, LaterFeatureTables.Name, CancellationToken.None));
        Assert.True(await TenantConnections.TableExistsAsync(check, Tenant.Database, PlatformTables.Sequences, CancellationToken.None));
        Assert.True((await Tenant.PlanAsync(V1)).IsEmpty);
    }

    [Fact]
    public void A_platform_table_name_declared_twice_is_refused()
    {
        var clash = Assert.Throws<InvalidOperationException>(() => PlatformTables.Add(new ClashingTables()));
        Assert.Contains(PlatformTables.SchemaHistory, clash.Message);
    }

    private sealed class ClashingTables : IPlatformTables
    {
        public IReadOnlyList<TableModel> Tables { get; } = [StorageTables.Instance.Tables[0]];
    }
}
