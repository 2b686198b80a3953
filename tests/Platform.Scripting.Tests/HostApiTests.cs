namespace Platform.Scripting.Tests;

public sealed class HostApiTests
{
    [Fact]
    public void Syntax_errors_are_reported_at_prepare_time_with_line_and_column()
    {
        var error = ScriptRunner.Executor.Check(new ScriptSource("scripts/bad.js", "const a = 1;\nif (a > ) {}"));

        Assert.NotNull(error);
        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
        Assert.Equal("scripts/bad.js", error.Script);
        Assert.Equal(2, error.Line);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public async Task Runtime_errors_carry_script_line_column_and_message()
    {
        var (result, _) = await ScriptRunner.RunAsync("const a = 1;\n  missing.call();", name: "scripts/r.js");

        Assert.Equal(ScriptErrorKind.Runtime, result.Error!.Kind);
        Assert.Equal((2, 3), (result.Error.Line, result.Error.Column));
        Assert.Contains("missing", result.Error.Message);
    }

    [Fact]
    public async Task Hook_changes_values_adds_errors_logs_and_reports_usage()
    {
        var record = new Dictionary<string, object?> { ["stage"] = "won", ["amount"] = 100 };
        var (result, _) = await ScriptRunner.RunAsync("""
            if (record.stage === 'won' && !record.close_date) errors.add('close_date', 'A won deal needs a close date');
            record.amount = record.amount * 2;
            record.owner = user.name + '@' + tenant.id;
            log.info('scored', { amount: record.amount });
            now() instanceof Date
            """, record: record);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(true, result.Value);
        Assert.Equal(200L, result.Record["amount"]);
        Assert.Equal("Ada@acme", result.Record["owner"]);
        Assert.Equal(new ScriptFieldError("close_date", "A won deal needs a close date"), Assert.Single(result.FieldErrors));
        Assert.Equal("scored {\"amount\":200}", Assert.Single(result.Report.Logs).Message);
        Assert.InRange(result.Report.Usage.Statements, 4, 50);
        Assert.True(result.Report.Usage.AllocatedBytes > 0);
        Assert.Equal(ScriptLimits.Hook, result.Report.Limits);
    }

    [Fact]
    public async Task Formula_is_an_expression_over_record()
    {
        var (result, _) = await ScriptRunner.RunAsync("record.amount * record.probability / 100",
            record: new() { ["amount"] = 1000m, ["probability"] = 25 });

        Assert.Equal(250L, result.Value);
    }

    [Fact]
    public async Task Previous_and_changed_describe_an_update()
    {
        var context = new ScriptContext
        {
            Tenant = "acme", Record = new Dictionary<string, object?> { ["stage"] = "won", ["amount"] = 5 },
            Previous = new Dictionary<string, object?> { ["stage"] = "open", ["amount"] = 5 },
        };
        var result = await ScriptRunner.Executor.ExecuteAsync(new ScriptSource("u.js",
            "[record.changed('stage'), record.changed('amount'), record.previous.stage].join()"), context, CancellationToken.None);

        Assert.Equal("true,false,open", result.Value);
        Assert.False(result.Record.ContainsKey("previous"));
    }

    [Fact]
    public async Task Changed_compares_a_multichoice_list_by_its_options_not_by_identity()
    {
        var context = new ScriptContext
        {
            Tenant = "acme", Record = new Dictionary<string, object?> { ["tags"] = new[] { "a", "b" }, ["labels"] = new[] { "a" } },
            Previous = new Dictionary<string, object?> { ["tags"] = new[] { "a", "b" }, ["labels"] = new[] { "a", "b" } },
        };
        var result = await ScriptRunner.Executor.ExecuteAsync(new ScriptSource("u.js",
            "[record.changed('tags'), record.changed('labels')].join()"), context, CancellationToken.None);

        Assert.Equal("false,true", result.Value);
    }

    [Fact]
    public async Task Crm_calls_are_counted_and_limited()
    {
        var crm = new FakeCrm();
        var (result, _) = await ScriptRunner.RunAsync(
            "for (let i = 0; i < 10; i++) crm.query('account');\nfor (let i = 0; i < 3; i++) crm.create('account', { name: 'a' + i });",
            ScriptLimits.Hook with { MaxCrmQueries = 5 }, crm: crm);

        Assert.Equal("maxCrmQueries", result.Error!.Limit);
        Assert.Equal(1, result.Error.Line);
        Assert.Equal(6, result.Report.Usage.CrmQueries);
        Assert.Equal(5, crm.Calls);

        var (ok, _) = await ScriptRunner.RunAsync("crm.create('account', { name: 'x' }).name", crm: crm);
        Assert.Equal("x", ok.Value);
        Assert.Equal(1, ok.Report.Usage.CrmWrites);
    }

    [Fact]
    public async Task Prepared_scripts_are_cached_by_content()
    {
        var executor = new JintScriptExecutor();
        var context = new ScriptContext { Tenant = "t" };
        for (var i = 0; i < 3; i++) await executor.ExecuteAsync(new ScriptSource("a.js", "1 + 1"), context, CancellationToken.None);
        await executor.ExecuteAsync(new ScriptSource("a.js", "1 + 2"), context, CancellationToken.None);

        Assert.Equal(2, executor.CachedScripts);
    }

    [Fact]
    public async Task Time_inside_crm_calls_is_not_charged_to_the_script()
    {
        var limits = ScriptLimits.Hook with { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue };
        var slow = new FakeCrm { Delay = TimeSpan.FromMilliseconds(150) };

        var (waited, elapsed) = await ScriptRunner.RunAsync("for (let i = 0; i < 3; i++) crm.query('account');\n'done'", limits, crm: slow);
        var (looped, _) = await ScriptRunner.RunAsync("crm.query('account');\nwhile (true) {}", limits, crm: slow);

        Assert.True(waited.Succeeded, waited.Error?.ToString());
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(450), $"{elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("timeout", looped.Error!.Limit);
        Assert.Equal(2, looped.Error.Line);
    }

    private sealed class FakeCrm : IScriptCrm
    {
        public int Calls { get; private set; }

        public TimeSpan Delay { get; init; }

        public Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entity, Guid id, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);

        public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string entity, string? filter, int? top, CancellationToken ct)
        {
            Calls++;
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ct);
            return [];
        }

        public Task<IReadOnlyDictionary<string, object?>> CreateAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
            Task.FromResult(values);

        public Task<IReadOnlyDictionary<string, object?>> UpdateAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
            Task.FromResult(values);

        public Task DeleteAsync(string entity, Guid id, CancellationToken ct) => Task.CompletedTask;
    }
}
