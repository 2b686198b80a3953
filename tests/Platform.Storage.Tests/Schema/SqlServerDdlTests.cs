using Platform.Metadata.Definitions;
using Platform.Storage.Providers;
using Platform.Storage.Schema;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Schema;

/// <summary>No SQL Server runs in CI: the same plans are checked as the DDL text EF's SQL Server generator writes.</summary>
public sealed class SqlServerDdlTests
{
    private static readonly TenantDatabase Database = new(DatabaseProvider.SqlServer, "Server=nowhere;Database=tenant;Integrated Security=true", "t1");

    private static readonly EntityDefinition Account = Entity("account",
        Text("name", 100) with { Required = true }, Text("city", 50) with { Indexed = true }, Text("score"), Decimal("revenue", 10, 2));

    private static readonly EntityDefinition Contact = Entity("contact", Text("full_name", 100), Lookup("account", "account"));

    private static readonly DefinitionSet V1 = Set(Account, Contact);

    private static SchemaPlan PlanFromV1(DefinitionSet target) =>
        SchemaPlanner.Plan(Database, new SchemaHistoryEntry(1, DateTime.UtcNow, V1, "[]", "{}"), target);

    [Fact]
    public void Creating_from_nothing_writes_tables_keys_foreign_keys_and_indexes()
    {
        var sql = string.Join("\n", SchemaPlanner.Plan(Database, null, V1).Statements);

        Assert.Contains("CREATE TABLE [t1].[account] (", sql);
        Assert.Contains("[name] nvarchar(100) NOT NULL,", sql);
        Assert.Contains("[revenue] decimal(10,2) NULL,", sql);
        Assert.Contains("CONSTRAINT [pk_account] PRIMARY KEY ([id])", sql);
        Assert.Contains("CONSTRAINT [fk_contact_account] FOREIGN KEY ([account]) REFERENCES [t1].[account] ([id]) ON DELETE SET NULL", sql);
        Assert.Contains("CREATE INDEX [ix_account_city] ON [t1].[account] ([city]);", sql);
        Assert.Contains("CREATE TABLE [t1].[platform_schema_history] (", sql);
    }

    [Fact]
    public void Adding_a_nullable_field_is_one_add_column()
    {
        var plan = PlanFromV1(Set(Account.Adding(Text("nickname")), Contact));

        Assert.Equal("ALTER TABLE [t1].[account] ADD [nickname] nvarchar(255) NULL;", Assert.Single(plan.Statements));
        Assert.Empty(plan.Issues);
    }

    [Fact]
    public void A_declared_field_rename_is_sp_rename_of_the_column_and_its_index()
    {
        var plan = PlanFromV1(Set(Account.Replace("city", Text("town", 50) with { Indexed = true, RenamedFrom = "city" }), Contact));

        Assert.Equal(
        [
            "EXEC sp_rename N'[t1].[account].[city]', N'town', 'COLUMN';",
            "EXEC sp_rename N'[t1].[account].[ix_account_city]', N'ix_account_town', 'INDEX';",
        ], plan.Statements);
        Assert.Empty(plan.Issues);
    }

    [Fact]
    public void A_declared_entity_rename_renames_the_table_its_key_and_the_foreign_keys_named_after_it()
    {
        var company = Account.Adding(Lookup("parent", "account")) with { Name = "company", RenamedFrom = "account" };
        var v1 = Set(Account.Adding(Lookup("parent", "account")), Contact);
        var v2 = Set(company.WithField(Lookup("parent", "company")), Contact.WithField(Lookup("account", "company")));

        var plan = SchemaPlanner.Plan(Database, new SchemaHistoryEntry(1, DateTime.UtcNow, v1, "[]", "{}"), v2);

        Assert.Equal("EXEC sp_rename N'[t1].[account]', N'company', 'OBJECT';", plan.Statements[0]);
        Assert.Contains("EXEC sp_rename N'[t1].[company].[pk_account]', N'pk_company', 'INDEX';", plan.Statements);
        Assert.Contains("EXEC sp_rename N'[t1].[fk_account_parent]', N'fk_company_parent', 'OBJECT';", plan.Statements);
        Assert.DoesNotContain(plan.Statements, s => s.Contains("DROP"));
        Assert.Empty(plan.Issues);
    }

    [Fact]
    public void A_type_change_is_an_alter_column_checked_against_the_rows_when_applied()
    {
        var plan = PlanFromV1(Set(Account.WithField(Integer("score")), Contact));

        Assert.EndsWith("ALTER TABLE [t1].[account] ALTER COLUMN [score] bigint NULL;", Assert.Single(plan.Statements));
        var issue = Assert.Single(plan.Issues);
        Assert.Equal((PlanIssueKind.Unchecked, "score"), (issue.Kind, issue.Column));
        Assert.False(plan.IsBlocked);
    }

    [Fact]
    public void Making_a_field_required_with_a_default_fills_the_empty_rows_first()
    {
        var plan = PlanFromV1(Set(Account.WithField(Text("city", 50) with { Indexed = true, Required = true, Default = "Unknown" }), Contact));
        var sql = string.Join("\n", plan.Statements);

        var fill = sql.IndexOf("UPDATE [t1].[account] SET [city] = N'Unknown' WHERE [city] IS NULL;", StringComparison.Ordinal);
        var alter = sql.IndexOf("ALTER TABLE [t1].[account] ALTER COLUMN [city] nvarchar(50) NOT NULL;", StringComparison.Ordinal);
        Assert.InRange(fill, 0, alter);
    }

    [Fact]
    public void Dropping_a_field_drops_its_index_and_column_and_needs_consent()
    {
        var plan = PlanFromV1(Set(Account.Without("city"), Contact));

        Assert.Equal("DROP INDEX [ix_account_city] ON [t1].[account];", plan.Statements[0]);
        Assert.EndsWith("ALTER TABLE [t1].[account] DROP COLUMN [city];", plan.Statements[1]);
        Assert.True(plan.RequiresDataLossConsent);
        Assert.Equal(("account", "city"), (plan.Issues[0].Table, plan.Issues[0].Column));
    }

    [Fact]
    public void Dropping_an_entity_drops_its_table_and_needs_consent()
    {
        var plan = PlanFromV1(Set(Account));

        Assert.Contains("DROP TABLE [t1].[contact];", plan.Statements);
        Assert.Equal("contact", Assert.Single(plan.Issues).Table);
        Assert.True(plan.RequiresDataLossConsent);
    }
}
