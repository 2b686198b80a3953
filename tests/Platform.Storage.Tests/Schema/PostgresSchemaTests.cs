using System.Diagnostics;
using Npgsql;
using Platform.Storage.Schema;
using Platform.Storage.Tests.Support;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Schema;

public sealed class PostgresSchemaTests : SchemaIntegrationTests
{
    protected override async Task<TestTenant> CreateTenantAsync() => await PostgresTestTenant.CreateAsync();

    [Fact]
    public async Task A_type_change_casts_with_using()
    {
        await Tenant.ApplyOkAsync(V1);

        var plan = await Tenant.PlanAsync(Set(Account.WithField(Integer("score")), Contact));

        Assert.Contains("ALTER TABLE tenant_a.account ALTER COLUMN score TYPE bigint USING score::bigint;", plan.Statements);
    }

    [Fact]
    public async Task Adding_a_nullable_field_does_not_rewrite_the_table()
    {
        await Tenant.ApplyOkAsync(V1);
        for (var i = 0; i < 100; i++) await Tenant.InsertAsync(V1, "account", ("name", $"A{i}"));
        var fileBefore = await FileNodeAsync("account");

        var plan = await Tenant.PlanAsync(Set(Account.Adding(Text("nickname")), Contact));
        Assert.Equal("ALTER TABLE tenant_a.account ADD nickname character varying(255);", Assert.Single(plan.Statements));
        await SchemaApplierOk(plan);

        // A rewrite would give the table a new file; a metadata-only ADD COLUMN keeps it.
        Assert.Equal(fileBefore, await FileNodeAsync("account"));
    }

    [Fact]
    public async Task Apply_gives_up_quickly_and_changes_nothing_while_a_table_stays_locked()
    {
        await Tenant.ApplyOkAsync(V1);
        var v2 = Set(Account.Adding(Text("nickname")), Contact);
        var plan = await Tenant.PlanAsync(v2);

        await using (var blocker = new NpgsqlConnection(Tenant.Database.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var read = new NpgsqlCommand("SELECT count(*) FROM tenant_a.account", blocker, transaction)) await read.ExecuteScalarAsync();

            var watch = Stopwatch.StartNew();
            var result = await SchemaApplier.ApplyAsync(plan, false, CancellationToken.None);
            watch.Stop();

            Assert.True(result.Refused);
            Assert.Contains("locked", result.Reason);
            Assert.InRange(watch.Elapsed, SchemaApplier.LockTimeout - TimeSpan.FromSeconds(1), SchemaApplier.LockTimeout + TimeSpan.FromSeconds(5));
            Assert.Single(await Tenant.HistoryAsync());
            Assert.DoesNotContain(await Tenant.ColumnsAsync("account"), c => c.StartsWith("nickname "));
        }

        await Tenant.ApplyOkAsync(v2);
        Assert.Equal(2, (await Tenant.HistoryAsync()).Count);
    }

    private async Task<long> FileNodeAsync(string table)
    {
        await using var connection = new NpgsqlConnection(Tenant.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_relation_filenode(@t::regclass)::bigint", connection);
        command.Parameters.AddWithValue("t", $"{PostgresTestTenant.Schema}.{table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
