using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;
using Platform.Storage.Providers;
using Platform.Storage.Schema;
using Platform.Storage.Tests.Support;
using Platform.TestSupport;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Schema;

/// <summary>The schema plan/apply suite; it runs unchanged on SQLite and on a real PostgreSQL.</summary>
public abstract partial class SchemaIntegrationTests : IAsyncLifetime
{
    protected TestTenant Tenant { get; private set; } = null!;

    protected abstract Task<TestTenant> CreateTenantAsync();

    public async Task InitializeAsync() => Tenant = await CreateTenantAsync();

    public async Task DisposeAsync() => await Tenant.DisposeAsync();

    protected static EntityDefinition Account { get; } = Entity("account",
        Text("name", 100) with { Required = true },
        Text("city", 50) with { Indexed = true },
        Text("score"),
        Decimal("revenue", 10, 2),
        Integer("employees"));

    protected static EntityDefinition Contact { get; } = Entity("contact", Text("full_name", 100), Lookup("account", "account"));

    protected static DefinitionSet V1 { get; } = Set(Account, Contact);

    protected bool IsSqlite => Tenant.Provider == DatabaseProvider.Sqlite;

    [Fact]
    public async Task First_apply_creates_every_table_and_planning_again_finds_nothing_to_do()
    {
        var result = await Tenant.ApplyOkAsync(V1);

        Assert.True(result.Changed);
        Assert.Equal(1, result.Version);
        Assert.Superset(new HashSet<string> { "account", "contact", "platform_schema_history" }, (await Tenant.TablesAsync()).ToHashSet());
        Assert.True((await Tenant.PlanAsync(V1)).IsEmpty);
        Assert.Single(await Tenant.HistoryAsync());
    }

    [Fact]
    public async Task The_shipped_modules_are_created_and_planning_them_again_finds_nothing_to_do()
    {
        var modules = new List<ModuleDefinition>();
        foreach (var folder in new[] { "crm-core", "sales" })
        {
            var loaded = await ModuleLoader.LoadAsync(Path.Combine(RepositoryPaths.Modules, folder));
            Assert.Empty(loaded.Errors);
            modules.Add(loaded.Module!);
        }
        var definitions = new DefinitionSet(modules);

        Assert.True((await Tenant.ApplyOkAsync(definitions)).Changed);

        Assert.Contains("opportunity__contacts", await Tenant.TablesAsync());
        Assert.True((await Tenant.PlanAsync(definitions)).IsEmpty);
    }

    [Fact]
    public async Task Adding_a_nullable_field_and_an_index_keeps_every_row()
    {
        await Tenant.ApplyOkAsync(V1);
        for (var i = 0; i < 3; i++) await Tenant.InsertAsync(V1, "account", ("name", $"A{i}"), ("city", "Paris"));
        var before = await Tenant.DumpAsync("account");

        var v2 = Set(Account.Adding(Text("nickname")).Indexed(false, "employees"), Contact);
        var plan = await Tenant.PlanAsync(v2);
        Assert.Empty(plan.Issues);
        await Tenant.ApplyOkAsync(v2);

        Assert.Equal(before, (await Tenant.DumpAsync("account")).Select(r => r.Replace(" | nickname=null", "")));
        Assert.Contains(await Tenant.IndexesAsync("account"), i => i.Contains("ix_account_employees"));
    }

    [Fact]
    public async Task Dropping_a_field_needs_consent_and_the_plan_shows_how_many_values_go()
    {
        await Tenant.ApplyOkAsync(V1);
        await Tenant.InsertAsync(V1, "account", ("name", "A"), ("city", "Paris"));
        await Tenant.InsertAsync(V1, "account", ("name", "B"));
        var v2 = Set(Account.Without("city"), Contact);

        var plan = await Tenant.PlanAsync(v2);
        var issue = Assert.Single(plan.Issues);
        Assert.Equal(PlanIssueKind.DataLoss, issue.Kind);
        Assert.Equal(1, issue.AffectedRows);
        Assert.Contains("DATA LOSS: account.city", plan.Describe());

        var refused = await SchemaApplier.ApplyAsync(plan, allowDataLoss: false, CancellationToken.None);
        Assert.True(refused.Refused);
        Assert.Contains(await Tenant.ColumnsAsync("account"), c => c.StartsWith("city "));

        await Tenant.ApplyOkAsync(v2, allowDataLoss: true);
        Assert.DoesNotContain(await Tenant.ColumnsAsync("account"), c => c.StartsWith("city "));
        Assert.Equal(2, await Tenant.CountAsync("account"));
    }

    [Fact]
    public async Task Dropping_an_entity_is_data_loss()
    {
        await Tenant.ApplyOkAsync(V1);
        await Tenant.InsertAsync(V1, "contact", ("full_name", "Ann"));

        var plan = await Tenant.PlanAsync(Set(Account));

        var issue = Assert.Single(plan.Issues, i => i.Column is null);
        Assert.Equal(("contact", PlanIssueKind.DataLoss, 1L), (issue.Table, issue.Kind, issue.AffectedRows));
        Assert.True((await SchemaApplier.ApplyAsync(plan, false, CancellationToken.None)).Refused);
    }

    [Fact]
    public async Task A_declared_field_rename_renames_the_column_and_its_index_and_applying_again_is_a_no_op()
    {
        await Tenant.ApplyOkAsync(V1);
        var id = await Tenant.InsertAsync(V1, "account", ("name", "A"), ("city", "Paris"));
        var v2 = Set(Account.Replace("city", Text("town", 50) with { Indexed = true, RenamedFrom = "city" }), Contact);

        var plan = await Tenant.PlanAsync(v2);
        Assert.Empty(plan.Issues);
        Assert.Equal(new FieldRename("account", "city", "town"), Assert.Single(plan.Renames.Fields));
        Assert.Contains(plan.Statements, s => s.Contains("RENAME", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(plan.Statements, s => s.Contains("DROP COLUMN", StringComparison.OrdinalIgnoreCase));
        await SchemaApplierOk(plan);

        Assert.Equal("Paris", await Tenant.ValueAsync("account", id, "town"));
        var indexes = await Tenant.IndexesAsync("account");
        Assert.Contains(indexes, i => i.Contains("ix_account_town"));
        Assert.DoesNotContain(indexes, i => i.Contains("ix_account_city"));
        Assert.True((await Tenant.PlanAsync(v2)).IsEmpty);
    }

    [Fact]
    public async Task A_declared_entity_rename_keeps_rows_lookups_and_relations()
    {
        var account = Account with { Relations = [new RelationDefinition { Name = "contacts", Type = RelationType.ManyToMany, Target = "contact" }] };
        var v1 = Set(account, Contact);
        await Tenant.ApplyOkAsync(v1);
        var accountId = await Tenant.InsertAsync(v1, "account", ("name", "A"), ("city", "Paris"));
        var contactId = await Tenant.InsertAsync(v1, "contact", ("full_name", "Ann"), ("account", accountId));

        var company = account with { Name = "company", RenamedFrom = "account" };
        var v2 = Set(company, Contact.WithField(Lookup("account", "company")));
        var plan = await Tenant.PlanAsync(v2);
        Assert.Empty(plan.Issues);
        Assert.Equal(new EntityRename("account", "company"), Assert.Single(plan.Renames.Entities));
        await SchemaApplierOk(plan);

        var tables = await Tenant.TablesAsync();
        Assert.Contains("company", tables);
        Assert.Contains("company__contacts", tables);
        Assert.DoesNotContain("account", tables);
        Assert.Equal(1, await Tenant.CountAsync("company"));
        Assert.Equal(Tenant.StoredId(accountId),
            await Tenant.ValueAsync("contact", contactId, "account"));
        // The foreign key follows the renamed table: a contact of a missing company is still refused.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Tenant.InsertAsync(v2, "contact", ("account", Guid.NewGuid())));
        Assert.True((await Tenant.PlanAsync(v2)).IsEmpty);
    }

    [Fact]
    public async Task Text_to_integer_is_blocked_while_values_do_not_convert_and_the_plan_shows_them()
    {
        await Tenant.ApplyOkAsync(V1);
        await Tenant.InsertAsync(V1, "account", ("name", "A"), ("score", "42"));
        var seven = await Tenant.InsertAsync(V1, "account", ("name", "B"), ("score", "007"));
        await Tenant.InsertAsync(V1, "account", ("name", "C"), ("score", "-3"));
        var abc = await Tenant.InsertAsync(V1, "account", ("name", "D"), ("score", "abc"));
        var fraction = await Tenant.InsertAsync(V1, "account", ("name", "E"), ("score", "4.5"));
        await Tenant.InsertAsync(V1, "account", ("name", "F"));
        var v2 = Set(Account.WithField(Integer("score")), Contact);

        var plan = await Tenant.PlanAsync(v2);
        var issue = Assert.Single(plan.Issues);
        Assert.Equal((PlanIssueKind.Blocking, 2L), (issue.Kind, issue.AffectedRows));
        Assert.Equal(new[] { abc.ToString(), fraction.ToString() }.Order(), issue.SampleKeys!.Select(k => k.ToLowerInvariant()).Order());
        Assert.Contains("BLOCKED: account.score: 2 rows", plan.Describe());
        Assert.True((await SchemaApplier.ApplyAsync(plan, true, CancellationToken.None)).Refused);

        await Tenant.SetRawAsync("account", abc, "score", "1");
        await Tenant.SetRawAsync("account", fraction, "score", "+5");
        await Tenant.ApplyOkAsync(v2);
        Assert.Equal(7L, await Tenant.ValueAsync("account", seven, "score"));
        Assert.Equal(5L, await Tenant.ValueAsync("account", fraction, "score"));
    }

    [Fact]
    public async Task Widening_a_decimal_and_turning_an_integer_into_a_decimal_keep_every_value()
    {
        await Tenant.ApplyOkAsync(V1);
        var id = await Tenant.InsertAsync(V1, "account", ("name", "A"), ("revenue", 1234.56m), ("employees", 12L));
        var v2 = Set(Account.WithField(Decimal("revenue", 14, 4)).WithField(Decimal("employees", 12, 2)), Contact);

        var plan = await Tenant.PlanAsync(v2);
        Assert.Empty(plan.Issues);
        await SchemaApplierOk(plan);

        Assert.Equal(IsSqlite ? 12345600L : (object)1234.56m, await Tenant.ValueAsync("account", id, "revenue"));
        Assert.Equal(IsSqlite ? 1200L : (object)12m, await Tenant.ValueAsync("account", id, "employees"));
    }

    [Fact]
    public async Task An_integer_becomes_text_and_a_decimal_becomes_an_integer_when_it_has_no_fraction()
    {
        await Tenant.ApplyOkAsync(V1);
        var whole = await Tenant.InsertAsync(V1, "account", ("name", "A"), ("revenue", 12.00m), ("employees", 42L));
        var fraction = await Tenant.InsertAsync(V1, "account", ("name", "B"), ("revenue", 12.50m), ("employees", -7L));
        var v2 = Set(Account.WithField(Integer("revenue")).WithField(Text("employees", 10)), Contact);

        var issue = Assert.Single((await Tenant.PlanAsync(v2)).Issues);
        Assert.Equal(("revenue", PlanIssueKind.Blocking, 1L), (issue.Column, issue.Kind, issue.AffectedRows));

        await Tenant.SetRawAsync("account", fraction, "revenue", IsSqlite ? 1300L : (object)13m);
        await Tenant.ApplyOkAsync(v2);
        Assert.Equal(12L, await Tenant.ValueAsync("account", whole, "revenue"));
        Assert.Equal(13L, await Tenant.ValueAsync("account", fraction, "revenue"));
        Assert.Equal("42", await Tenant.ValueAsync("account", whole, "employees"));
        Assert.Equal("-7", await Tenant.ValueAsync("account", fraction, "employees"));
    }

    [Fact]
    public async Task Narrowing_text_is_blocked_only_while_values_are_too_long()
    {
        await Tenant.ApplyOkAsync(V1);
        await Tenant.InsertAsync(V1, "account", ("name", "A"), ("city", "Paris"));
        var berlin = await Tenant.InsertAsync(V1, "account", ("name", "B"), ("city", "Berlin"));
        var v2 = Set(Account.WithField(Text("city", 5) with { Indexed = true }), Contact);

        var issue = Assert.Single((await Tenant.PlanAsync(v2)).Issues);
        Assert.Equal((PlanIssueKind.Blocking, 1L), (issue.Kind, issue.AffectedRows));
        Assert.Equal(berlin.ToString(), Assert.Single(issue.SampleKeys!).ToLowerInvariant());

        await Tenant.SetRawAsync("account", berlin, "city", "Bonn");
        Assert.Empty((await Tenant.PlanAsync(v2)).Issues);
        await Tenant.ApplyOkAsync(v2);
        Assert.Equal("Bonn", await Tenant.ValueAsync("account", berlin, "city"));
    }

    [Fact]
    public async Task Narrowing_a_decimal_scale_is_blocked_only_while_values_do_not_fit()
    {
        await Tenant.ApplyOkAsync(V1);
        var fits = await Tenant.InsertAsync(V1, "account", ("name", "A"), ("revenue", 12.50m));
        var tooPrecise = await Tenant.InsertAsync(V1, "account", ("name", "B"), ("revenue", 12.55m));
        var v2 = Set(Account.WithField(Decimal("revenue", 10, 1)), Contact);

        var issue = Assert.Single((await Tenant.PlanAsync(v2)).Issues);
        Assert.Equal((PlanIssueKind.Blocking, 1L), (issue.Kind, issue.AffectedRows));

        await Tenant.SetRawAsync("account", tooPrecise, "revenue", IsSqlite ? 1260L : (object)12.6m);
        await Tenant.ApplyOkAsync(v2);
        Assert.Equal(IsSqlite ? 125L : (object)12.5m, await Tenant.ValueAsync("account", fits, "revenue"));
        Assert.Equal(IsSqlite ? 126L : (object)12.6m, await Tenant.ValueAsync("account", tooPrecise, "revenue"));
    }

    [Fact]
    public async Task Text_to_date_converts_iso_dates_and_blocks_anything_else()
    {
        await Tenant.ApplyOkAsync(V1);
        var iso = await Tenant.InsertAsync(V1, "account", ("name", "A"), ("score", "2024-01-05"));
        var local = await Tenant.InsertAsync(V1, "account", ("name", "B"), ("score", "05/01/2024"));
        var v2 = Set(Account.WithField(Date("score")), Contact);

        Assert.Equal(1, Assert.Single((await Tenant.PlanAsync(v2)).Issues).AffectedRows);
        await Tenant.SetRawAsync("account", local, "score", "2024-01-06");
        await Tenant.ApplyOkAsync(v2);

        var stored = await Tenant.ValueAsync("account", iso, "score");
        Assert.Equal(new DateOnly(2024, 1, 5), stored switch { DateTime d => DateOnly.FromDateTime(d), DateOnly d => d, _ => DateOnly.Parse((string)stored!) });
    }

    [Fact]
    public async Task Text_to_decimal_converts_exactly_and_blocks_values_with_more_decimals_than_the_scale()
    {
        await Tenant.ApplyOkAsync(V1);
        var texts = new[] { "12.5", "-0.05", "+3", "100.00", ".5", "7.", "1.234" };
        var ids = new List<Guid>();
        foreach (var text in texts) ids.Add(await Tenant.InsertAsync(V1, "account", ("name", text), ("score", text)));
        var v2 = Set(Account.WithField(Decimal("score", 10, 2)), Contact);

        Assert.Equal(1, Assert.Single((await Tenant.PlanAsync(v2)).Issues).AffectedRows);
        await Tenant.SetRawAsync("account", ids[^1], "score", "1.2");
        await Tenant.ApplyOkAsync(v2);

        var expected = new[] { 12.5m, -0.05m, 3m, 100m, 0.5m, 7m, 1.2m };
        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(IsSqlite ? (object)(long)(expected[i] * 100) : expected[i], await Tenant.ValueAsync("account", ids[i], "score"));
    }

    [Fact]
    public async Task Making_a_field_required_fills_empty_rows_with_its_default()
    {
        await Tenant.ApplyOkAsync(V1);
        var paris = await Tenant.InsertAsync(V1, "account", ("name", "A"), ("city", "Paris"));
        var empty = await Tenant.InsertAsync(V1, "account", ("name", "B"));
        var v2 = Set(Account.WithField(Text("city", 50) with { Indexed = true, Required = true, Default = "Unknown" }), Contact);

        Assert.Empty((await Tenant.PlanAsync(v2)).Issues);
        await Tenant.ApplyOkAsync(v2);

        Assert.Equal("Unknown", await Tenant.ValueAsync("account", empty, "city"));
        Assert.Equal("Paris", await Tenant.ValueAsync("account", paris, "city"));
        Assert.Contains(await Tenant.ColumnsAsync("account"), c => c.StartsWith("city ") && c.EndsWith(" not null"));
    }

    [Fact]
    public async Task Making_a_field_required_without_a_default_is_blocked_while_rows_are_empty()
    {
        await Tenant.ApplyOkAsync(V1);
        var empty = await Tenant.InsertAsync(V1, "account", ("name", "B"));
        var v2 = Set(Account.WithField(Text("city", 50) with { Indexed = true, Required = true }), Contact);

        var issue = Assert.Single((await Tenant.PlanAsync(v2)).Issues);
        Assert.Equal((PlanIssueKind.Blocking, 1L), (issue.Kind, issue.AffectedRows));

        await Tenant.SetRawAsync("account", empty, "city", "Lyon");
        await Tenant.ApplyOkAsync(v2);
        Assert.Contains(await Tenant.ColumnsAsync("account"), c => c.StartsWith("city ") && c.EndsWith(" not null"));
    }

    [Fact]
    public async Task Adding_a_required_field_without_default_is_blocked_on_a_populated_table_only()
    {
        await Tenant.ApplyOkAsync(V1);
        await Tenant.InsertAsync(V1, "account", ("name", "A"));
        await Tenant.InsertAsync(V1, "account", ("name", "B"));
        var v2 = Set(Account.Adding(Text("code", 10) with { Required = true }), Contact.Adding(Text("code", 10) with { Required = true }));

        var issue = Assert.Single((await Tenant.PlanAsync(v2)).Issues);
        Assert.Equal(("account", PlanIssueKind.Blocking, 2L), (issue.Table, issue.Kind, issue.AffectedRows));

        var contactOnly = Set(Account, Contact.Adding(Text("code", 10) with { Required = true }));
        await Tenant.ApplyOkAsync(contactOnly);
        Assert.Contains(await Tenant.ColumnsAsync("contact"), c => c.StartsWith("code "));
    }

    [Fact]
    public async Task Every_apply_is_recorded_with_the_inverse_of_its_plan()
    {
        await Tenant.ApplyOkAsync(V1);
        var v2 = Set(Account.Adding(Text("nickname")), Contact);
        var result = await Tenant.ApplyOkAsync(v2);

        var history = await Tenant.HistoryAsync();
        Assert.Equal(new long[] { 2, 1 }, history.Select(h => h.Version));
        Assert.Equal(v2.Version, history[0].Definitions.Version);
        Assert.Contains("nickname", history[0].PlanJson);
        var inverse = history[0].Inverse!;
        Assert.Equal((1L, V1.Version), (inverse.PreviousVersion, inverse.PreviousDefinitionsVersion));
        Assert.Equal(result.Plan.InverseStatements, inverse.Statements);
        Assert.Contains(inverse.Statements, s => s.Contains("DROP", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Applying_the_previous_definitions_undoes_a_plan_without_losing_any_original_value()
    {
        await Tenant.ApplyOkAsync(V1);
        var accounts = new List<Guid>();
        for (var i = 0; i < 5; i++)
            accounts.Add(await Tenant.InsertAsync(V1, "account", ("name", $"A{i}"), ("city", i % 2 == 0 ? "Paris" : null), ("score", $"{i}"), ("revenue", 10.25m * i), ("employees", (long)i)));
        for (var i = 0; i < 5; i++) await Tenant.InsertAsync(V1, "contact", ("full_name", $"C{i}"), ("account", accounts[i]));
        var schema = await SchemaAsync();
        var rows = (await Tenant.DumpAsync("account"), await Tenant.DumpAsync("contact"));

        var v2 = Set(
            Account.Replace("city", Text("town", 50) with { Indexed = true, RenamedFrom = "city" })
                .WithField(Decimal("revenue", 14, 4))
                .Adding(Text("nickname"))
                .Indexed(false, "score", "employees"),
            Contact.Adding(Lookup("employer", "account")));
        await Tenant.ApplyOkAsync(v2);
        await Tenant.InsertAsync(v2, "account", ("name", "only in v2"));

        var back = await Tenant.PlanAsync(V1);
        Assert.Equal(new FieldRename("account", "town", "city"), Assert.Single(back.Renames.Fields));
        Assert.All(back.Issues, i => Assert.Equal(PlanIssueKind.DataLoss, i.Kind));
        Assert.Equal(new[] { "account.nickname", "contact.employer" }, back.Issues.Select(i => $"{i.Table}.{i.Column}").Order());
        Assert.Equal(back.Statements, (await Tenant.HistoryAsync())[0].Inverse!.Statements);
        await SchemaApplierOk(back, allowDataLoss: true);

        Assert.Equal(schema, await SchemaAsync());
        var after = (await Tenant.DumpAsync("account"), await Tenant.DumpAsync("contact"));
        Assert.Equal(rows.Item2, after.Item2);
        Assert.Equal(rows.Item1, after.Item1.Where(r => !r.Contains("name=only in v2")));
    }

    [Fact]
    public async Task A_unique_index_over_duplicates_is_blocked_with_the_number_of_rows()
    {
        await Tenant.ApplyOkAsync(V1);
        await Tenant.InsertAsync(V1, "account", ("name", "A"), ("city", "Paris"));
        var second = await Tenant.InsertAsync(V1, "account", ("name", "B"), ("city", "Paris"));
        await Tenant.InsertAsync(V1, "account", ("name", "C"));
        await Tenant.InsertAsync(V1, "account", ("name", "D"));
        var v2 = Set(Account.Indexed(true, "city"), Contact);

        var issue = Assert.Single((await Tenant.PlanAsync(v2)).Issues);
        Assert.Equal((PlanIssueKind.Blocking, 2L), (issue.Kind, issue.AffectedRows));

        await Tenant.SetRawAsync("account", second, "city", "Lyon");
        await Tenant.ApplyOkAsync(v2);
        Assert.Contains(await Tenant.IndexesAsync("account"), i => i.Contains("ux_account_city") && i.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_failing_statement_leaves_nothing_behind()
    {
        await Tenant.ApplyOkAsync(V1);
        var account = await Tenant.InsertAsync(V1, "account", ("name", "A"));
        await Tenant.InsertAsync(V1, "contact", ("full_name", "Ann"), ("account", account));
        var tables = await Tenant.TablesAsync();
        var contacts = await Tenant.DumpAsync("contact");
        // The lookup now points at a new, empty entity: the new foreign key fails on the existing contact, after
        // the company table was created in the same batch.
        var v2 = Set(Account, Entity("company", Text("name")), Contact.WithField(Lookup("account", "company")));

        await Assert.ThrowsAnyAsync<Exception>(() => Tenant.ApplyAsync(v2));

        Assert.Equal(tables, await Tenant.TablesAsync());
        Assert.Single(await Tenant.HistoryAsync());
        Assert.Equal(contacts, await Tenant.DumpAsync("contact"));
    }

    [Fact]
    public async Task Concurrent_applies_of_one_plan_apply_it_once()
    {
        await Tenant.ApplyOkAsync(V1);
        var v2 = Set(Account.Adding(Text("nickname")), Contact);
        var first = await Tenant.PlanAsync(v2);
        var second = await Tenant.PlanAsync(v2);

        var results = await Task.WhenAll(
            Task.Run(() => SchemaApplier.ApplyAsync(first, false, CancellationToken.None)),
            Task.Run(() => SchemaApplier.ApplyAsync(second, false, CancellationToken.None)));

        Assert.All(results, r => Assert.False(r.Refused, r.Reason));
        Assert.Single(results, r => r.Changed);
        Assert.Equal(2, (await Tenant.HistoryAsync()).Count);
    }

    [Fact]
    public async Task Applies_on_one_tenant_wait_for_each_other_and_the_second_finds_the_work_done()
    {
        await Tenant.ApplyOkAsync(V1);
        var v2 = Set(Account.Adding(Text("nickname")), Contact);
        var first = await Tenant.PlanAsync(v2);
        var second = await Tenant.PlanAsync(v2);

        Task<SchemaApplyResult[]> applying;
        await using (await Tenant.HoldSchemaLockAsync())
        {
            applying = Task.WhenAll(
                Task.Run(() => SchemaApplier.ApplyAsync(first, false, CancellationToken.None)),
                Task.Run(() => SchemaApplier.ApplyAsync(second, false, CancellationToken.None)));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(applying.IsCompleted);
        }
        var results = await applying;

        Assert.All(results, r => Assert.False(r.Refused, r.Reason));
        Assert.Single(results, r => r.Changed);
        Assert.Equal(2, (await Tenant.HistoryAsync()).Count);
    }

    [Fact]
    public async Task A_plan_made_before_another_apply_is_refused()
    {
        await Tenant.ApplyOkAsync(V1);
        var stale = await Tenant.PlanAsync(Set(Account.Adding(Text("nickname")), Contact));
        await Tenant.ApplyOkAsync(Set(Account.Adding(Text("alias")), Contact));

        var result = await SchemaApplier.ApplyAsync(stale, false, CancellationToken.None);

        Assert.True(result.Refused);
        Assert.Contains("changed since", result.Reason);
        Assert.DoesNotContain(await Tenant.ColumnsAsync("account"), c => c.StartsWith("nickname "));
    }

    [Fact]
    public async Task Apply_counts_the_rows_again_and_refuses_values_that_appeared_after_planning()
    {
        await Tenant.ApplyOkAsync(V1);
        await Tenant.InsertAsync(V1, "account", ("name", "A"), ("score", "1"));
        var plan = await Tenant.PlanAsync(Set(Account.WithField(Integer("score")), Contact));
        Assert.Empty(plan.Issues);

        await Tenant.InsertAsync(V1, "account", ("name", "B"), ("score", "many"));
        var result = await SchemaApplier.ApplyAsync(plan, false, CancellationToken.None);

        Assert.True(result.Refused);
        Assert.Equal(1, Assert.Single(result.Plan.Issues).AffectedRows);
        Assert.Single(await Tenant.HistoryAsync());
    }

    protected async Task<SchemaApplyResult> SchemaApplierOk(SchemaPlan plan, bool allowDataLoss = false)
    {
        var result = await SchemaApplier.ApplyAsync(plan, allowDataLoss, CancellationToken.None);
        Assert.False(result.Refused, result.Reason);
        Assert.True(result.Changed);
        return result;
    }

    /// <summary>Columns and indexes of both tables, order-insensitive (a rebuilt or re-added column may move).</summary>
    protected async Task<string> SchemaAsync()
    {
        var parts = new List<string>();
        foreach (var table in new[] { "account", "contact" })
        {
            parts.AddRange((await Tenant.ColumnsAsync(table)).Select(c => $"{table}: {c}"));
            parts.AddRange((await Tenant.IndexesAsync(table)).Select(i => $"{table}: {i}"));
        }
        return string.Join(Environment.NewLine, parts.Order(StringComparer.Ordinal));
    }
}
