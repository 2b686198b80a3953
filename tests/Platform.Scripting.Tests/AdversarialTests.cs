namespace Platform.Scripting.Tests;

/// <summary>Each hostile script stops within its limit plus a margin, with an error naming the limit, script and line.</summary>
public sealed class AdversarialTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(750);

    [Theory]
    [InlineData("while (true) {}", "timeout|maxStatements")]
    [InlineData("for (;;) { let x = 1; }", "timeout|maxStatements")]
    [InlineData("function f() { return f(); }\nf();", "maxRecursionDepth")]
    [InlineData("const o = { get x() { return this.x; } };\no.x;", "maxRecursionDepth")]
    [InlineData("const o = {}; Object.defineProperty(o, 'x', { get() { while (true) {} } });\no.x;", "timeout|maxStatements")]
    [InlineData("let s = 'x'; while (true) { s += s; }", "memory|maxArrayLength|timeout|maxStatements")]
    [InlineData("'x'.repeat(1 << 28).length", "maxStringLength")]
    [InlineData("'x'.repeat(2147483647)", "maxStringLength")]
    [InlineData("''.padEnd(2147483647, 'ab')", "maxStringLength")]
    [InlineData("'a'.padStart(1e9)", "maxStringLength")]
    [InlineData("new Array(2147483647).join('*')", "maxArrayLength")]
    [InlineData("const a = []; a.length = 1e9; a.join('abc')", "maxArrayLength")]
    [InlineData("Array.prototype.join.call({ length: 1e9 }, 'x')", "maxArrayLength")]
    [InlineData("Array(1e9).fill(new Array(1e9))", "maxArrayLength")]
    [InlineData("Array.prototype.fill.call({ length: 1e9 }, 1)", "maxArrayLength")]
    [InlineData("let a = [1, 2, 3]; while (true) { a = a.concat(a); }", "maxArrayLength")]
    [InlineData("Array.from({ length: 5e7 })", "maxArrayLength")]
    [InlineData("Math.max.apply(null, { length: 1e9 })", "maxArrayLength")]
    [InlineData("const big = 'ab'.repeat(1000000); big.replaceAll('a', big)", "maxStringLength")]
    [InlineData("/^(a+)+$/.test('a'.repeat(40) + '!')", "regexTimeout")]
    [InlineData("/(x+x+)+y/.test('x'.repeat(5000))", "regexTimeout")]
    [InlineData("let n = 0; while (true) { n++; }", "timeout|maxStatements")]
    [InlineData("const xs = []; while (true) { xs.push({ a: 'x'.repeat(1000) }); }", "memory|maxArrayLength|timeout|maxStatements")]
    [InlineData("let s = 'x'.repeat(1000); for (let i = 0; i < 1e7; i++) { s = s + i; }", "memory|maxArrayLength|timeout|maxStatements")]
    public async Task Hostile_script_is_stopped_within_its_limit(string code, string limit)
    {
        var (result, elapsed) = await ScriptRunner.RunAsync(code);

        Assert.False(result.Succeeded, $"'{code}' ran to completion");
        Assert.True(result.Error!.Kind == ScriptErrorKind.LimitExceeded && limit.Split('|').Contains(result.Error.Limit), $"{result.Error} [{result.Error.Limit}] after {elapsed.TotalMilliseconds:0} ms");
        Assert.Contains("test.js", result.Error.Message);
        Assert.Contains(result.Error.Limit!, result.Error.Message);
        Assert.True(result.Error.Line >= 1, $"no line for {limit}: {result.Error}");
        Assert.True(elapsed < ScriptLimits.Hook.Timeout + Margin, $"'{code}' took {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Statement_limit_stops_a_loop()
    {
        var (result, _) = await ScriptRunner.RunAsync("let i = 0;\nwhile (true) { i++; }", ScriptLimits.Hook with { MaxStatements = 1000, Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal("maxStatements", result.Error!.Limit);
        Assert.Equal(2, result.Error.Line);
        Assert.InRange(result.Report.Usage.Statements, 1000, 1010);
    }

    [Fact]
    public async Task BigInt_exponentiation_is_stopped()
    {
        var (result, elapsed) = await ScriptRunner.RunAsync("const x = 10n ** 10000000n; x.toString().length");

        Assert.False(result.Succeeded);
        Assert.True(elapsed < ScriptLimits.Hook.Timeout + Margin, $"took {elapsed.TotalMilliseconds:0} ms");
    }

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return 1')()")]
    [InlineData("(function () {}).constructor('return this')()")]
    [InlineData("[].constructor.constructor('return globalThis')()")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("clrHelper.typeOf(record)")]
    [InlineData("host.func()")]
    [InlineData("require('fs')")]
    [InlineData("setTimeout(() => {}, 1)")]
    [InlineData("fetch('http://example.com')")]
    [InlineData("record.constructor.constructor('return process')()")]
    [InlineData("crm.get.constructor('return 1')()")]
    public async Task Host_and_string_compilation_are_unreachable(string code)
    {
        var (result, _) = await ScriptRunner.RunAsync(code);

        Assert.False(result.Succeeded, $"'{code}' succeeded with {result.Value}");
        Assert.Equal(ScriptErrorKind.Runtime, result.Error!.Kind);
        Assert.Equal(1, result.Error.Line);
    }

    [Fact]
    public async Task Host_objects_expose_no_clr_members()
    {
        var (result, _) = await ScriptRunner.RunAsync(
            "[typeof errors.add.GetType, typeof record.GetType, typeof log.info.Method, Object.keys(errors).join(), typeof globalThis.System].join('|')");

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("undefined|undefined|undefined|add|undefined", result.Value);
    }

    [Fact]
    public async Task Limit_errors_cannot_be_caught_by_the_script()
    {
        var (result, _) = await ScriptRunner.RunAsync("let r = 0;\ntry { 'x'.repeat(1 << 28); } catch (e) { r = 1; }\ntry { while (true) {} } catch (e) { r = 2; }\nr");

        Assert.Equal("maxStringLength", result.Error!.Limit);
        Assert.Equal(2, result.Error.Line);
    }

    [Fact]
    public async Task Globals_do_not_survive_between_runs()
    {
        await ScriptRunner.RunAsync("globalThis.leak = 1; Object.prototype.polluted = 1; String.prototype.repeat = () => 'x';");

        var (result, _) = await ScriptRunner.RunAsync("[typeof leak, typeof ({}).polluted, 'ab'.repeat(2)].join()");

        Assert.Equal("undefined,undefined,abab", result.Value);
    }
}
