using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Platform.Storage.Schema;
using Platform.Storage.Tests.Support;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Schema;

public sealed class SqliteSchemaTests : SchemaIntegrationTests
{
    protected override Task<TestTenant> CreateTenantAsync() => Task.FromResult<TestTenant>(new SqliteTestTenant());

    [Fact]
    public async Task Adding_a_field_between_others_adds_a_column_without_rebuilding_the_table()
    {
        await Tenant.ApplyOkAsync(V1);
        var v2 = Set(Account with { Fields = [Text("first"), .. Account.Fields] }, Contact);

        var plan = await Tenant.PlanAsync(v2);

        Assert.Equal("ALTER TABLE \"account\" ADD \"first\" TEXT NULL;", Assert.Single(plan.Statements));
    }

    [Fact]
    public async Task A_table_rebuild_keeps_every_row_every_index_and_every_reference_to_it()
    {
        var account = Account.Indexed(true, "name").Indexed(false, "city", "employees");
        var v1 = Set(account, Contact);
        await Tenant.ApplyOkAsync(v1);
        for (var i = 0; i < 50; i++)
        {
            var id = await Tenant.InsertAsync(v1, "account", ("name", $"A{i}"), ("city", $"C{i % 7}"), ("score", $"{i}"), ("revenue", i * 1.5m), ("employees", (long)i));
            await Tenant.InsertAsync(v1, "contact", ("full_name", $"P{i}"), ("account", id));
        }
        var accounts = await Tenant.DumpAsync("account", "id", "name", "city", "revenue", "employees", "created_at", "row_version");
        var contacts = await Tenant.DumpAsync("contact");
        var indexes = await IndexesAsync();

        // Text to integer changes the column's type: SQLite can only do that by rebuilding the table.
        var v2 = Set(account.WithField(Integer("score")), Contact);
        var plan = await Tenant.PlanAsync(v2);
        Assert.Contains(plan.Statements, s => s.Contains("ef_temp_account"));
        await SchemaApplierOk(plan);

        Assert.Equal(accounts, await Tenant.DumpAsync("account", "id", "name", "city", "revenue", "employees", "created_at", "row_version"));
        Assert.Equal(contacts, await Tenant.DumpAsync("contact"));
        Assert.Equal(indexes, await IndexesAsync());
        Assert.Contains(await Tenant.ColumnsAsync("account"), c => c == "score INTEGER null");
        await Assert.ThrowsAsync<SqliteException>(() => Tenant.InsertAsync(v2, "contact", ("account", Guid.NewGuid())));
    }

    [Fact]
    public async Task Writes_during_a_table_rebuild_wait_for_it_and_are_not_lost()
    {
        await Tenant.ApplyOkAsync(V1);
        await BulkInsertAccountsAsync(100_000);
        var v2 = Set(Account.WithField(Integer("score")), Contact);
        var plan = await Tenant.PlanAsync(v2);

        var applying = Task.Run(() => SchemaApplier.ApplyAsync(plan, false, CancellationToken.None));
        var inserted = new List<(Guid Id, TimeSpan Took)>();
        while (!applying.IsCompleted)
        {
            var watch = Stopwatch.StartNew();
            var id = await Tenant.InsertAsync(V1, "account", ("name", "during"), ("score", "5"));
            inserted.Add((id, watch.Elapsed));
        }
        var result = await applying;

        Assert.True(result.Changed, result.Reason);
        Assert.NotEmpty(inserted);
        // At least one writer had to wait for the rebuild's write lock instead of writing into the old table.
        Assert.Contains(inserted, i => i.Took > TimeSpan.FromMilliseconds(100));
        Assert.Equal(100_000 + inserted.Count, await Tenant.CountAsync("account"));
        foreach (var (id, _) in inserted) Assert.Equal(5L, await Tenant.ValueAsync("account", id, "score"));
    }

    private async Task<IReadOnlyList<string>> IndexesAsync() =>
        [.. await Tenant.IndexesAsync("account"), .. await Tenant.IndexesAsync("contact")];

    private async Task BulkInsertAccountsAsync(int count)
    {
        await using var connection = (SqliteConnection)await Tenant.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO account (id, name, score, created_at, modified_at, row_version) VALUES ($id, $name, $score, $now, $now, 1)";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var score = command.Parameters.Add("$score", SqliteType.Text);
        command.Parameters.AddWithValue("$now", "2026-01-01 00:00:00");
        for (var i = 0; i < count; i++)
        {
            id.Value = Guid.NewGuid().ToString("D");
            name.Value = "bulk" + i;
            score.Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
