namespace Platform.Scripting.Tests;

/// <summary>require(name): a tenant library runs inside the calling script's engine, sandbox and limits.</summary>
public sealed class LibraryTests
{
    private static async Task<ScriptResult> RunAsync(string code, Dictionary<string, string> libraries, ScriptLimits? limits = null) =>
        await ScriptRunner.Executor.ExecuteAsync(new ScriptSource("main.js", code), new ScriptContext
        {
            Tenant = "acme", Limits = limits ?? ScriptLimits.Hook,
            Libraries = libraries.ToDictionary(l => l.Key, l => new ScriptSource($"scripts/lib/{l.Key}.js", l.Value)),
        }, CancellationToken.None);

    [Fact]
    public async Task Libraries_may_require_each_other_and_a_cycle_sees_partial_exports()
    {
        var result = await RunAsync("require('a').value + ':' + require('b').seen", new()
        {
            ["a"] = "exports.early = 'early';\nconst b = require('b');\nexports.value = 'a+' + b.seen;",
            ["b"] = "exports.seen = require('a').early;",
        });
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("a+early:early", result.Value);
    }

    [Fact]
    public async Task An_unknown_library_is_a_runtime_error_naming_it()
    {
        var result = await RunAsync("\nrequire('nope');", []);
        Assert.Equal(ScriptErrorKind.Runtime, result.Error!.Kind);
        Assert.Contains("no library 'nope'", result.Error.Message);
        Assert.Equal(2, result.Error.Line);
    }

    [Fact]
    public async Task Statements_run_in_a_library_count_against_the_callers_limit()
    {
        var result = await RunAsync("require('busy');", new() { ["busy"] = "let n = 0;\nfor (;;) { n++; }" },
            ScriptLimits.Hook with { MaxStatements = 10_000, Timeout = TimeSpan.FromSeconds(5) });
        Assert.Equal("maxStatements", result.Error!.Limit);
    }

    [Fact]
    public async Task A_library_cannot_reach_the_host_either()
    {
        var result = await RunAsync("require('sneaky').reach()", new()
        {
            ["sneaky"] = "exports.reach = function () { return typeof System + typeof importNamespace + typeof clrHelper; };",
        });
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("undefinedundefinedundefined", result.Value);
    }
}
