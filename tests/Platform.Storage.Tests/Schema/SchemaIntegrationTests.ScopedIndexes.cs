using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Schema;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Schema;

public abstract partial class SchemaIntegrationTests
{
    private static DefinitionSet WithCityIndex { get; } = Set(Account.Indexed(false, "city", "name"), Contact);

    [Fact]
    public async Task A_declared_index_made_without_the_owning_business_unit_gets_it_at_load_and_keeps_every_row()
    {
        await Tenant.ApplyOkAsync(WithCityIndex);
        for (var i = 0; i < 3; i++) await Tenant.InsertAsync(WithCityIndex, "account", ("name", $"A{i}"), ("city", "Paris"));
        var before = await Tenant.DumpAsync("account");
        // A tenant whose index was made before declared indexes carried the unit.
        await ExecuteAsync($"DROP INDEX {Tenant.Dialect.Table("ix_account_city_name", Tenant.Database.Schema)}");
        await ExecuteAsync($"CREATE INDEX {Tenant.Dialect.Quote("ix_account_city_name")} ON {Tenant.Dialect.Table("account", Tenant.Database.Schema)} (city, name)");
        Assert.DoesNotContain(await Tenant.IndexesAsync("account"), i => i.Contains("ix_account_city_name") && i.Contains("owning_business_unit"));
        Assert.True((await Tenant.PlanAsync(WithCityIndex)).IsEmpty); // the planner alone would never change it

        var model = PhysicalModelBuilder.Build(WithCityIndex, Tenant.Provider);
        await ScopedIndexUpgrade.EnsureAsync(Tenant.Database, model, CancellationToken.None);
        var upgraded = await Tenant.IndexesAsync("account");
        await ScopedIndexUpgrade.EnsureAsync(Tenant.Database, model, CancellationToken.None);

        Assert.Contains(upgraded, i => i.Contains("ix_account_city_name") && i.Contains("owning_business_unit"));
        // PostgreSQL builds the new index under a temporary name beside the old one (CONCURRENTLY): none is left over.
        Assert.DoesNotContain(upgraded, i => i.Contains("tmp_scoped_"));
        Assert.Equal(1, upgraded.Count(i => i.Contains("city")));
        Assert.Equal(upgraded, await Tenant.IndexesAsync("account"));
        Assert.Equal(before, await Tenant.DumpAsync("account"));
        Assert.True((await Tenant.PlanAsync(WithCityIndex)).IsEmpty);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Tenant.OpenAsync();
        await using var command = connection.CreateCommand(sql, null);
        await command.ExecuteNonQueryAsync();
    }
}
