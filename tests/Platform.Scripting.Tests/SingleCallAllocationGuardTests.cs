namespace Platform.Scripting.Tests;

/// <summary>
/// JSON.stringify, String.prototype.concat, Array.prototype.join and toLocaleString build their whole result in one call, so
/// they are checked against the string limit as they go (Jint's limits are only checked between statements), while
/// giving the same results as before for everything within the limit.
/// </summary>
public sealed class SingleCallAllocationGuardTests
{
    private const string Big = "const big = 'x'.repeat(1 << 20);\n";

    [Theory]
    [InlineData(Big + "JSON.stringify(Array(40).fill(big))")]
    [InlineData(Big + "JSON.stringify({ a: big, b: big, c: big, d: big, e: big })")]
    [InlineData(Big + "const o = { get a() { return big; } };\nJSON.stringify(Array(40).fill(o))")]
    [InlineData(Big + "JSON.stringify(Array(40).fill({ a: big, b: 1 }), ['a'])")]
    [InlineData(Big + "JSON.stringify(Array(40).fill(1), (k, v) => typeof v === 'number' ? big : v)")]
    [InlineData(Big + "JSON.stringify(Array(40).fill({ toJSON() { return big; } }))")]
    [InlineData("let o = {};\nfor (let i = 0; i < 2500; i++) o = { a: o };\nJSON.stringify(o, null, 10)")]
    [InlineData(Big + "big.concat(big, big, big, big)")]
    [InlineData(Big + "''.concat(...Array(40).fill(big))")]
    [InlineData(Big + "String.prototype.concat.call(big, { toString() { return big + big + big + big; } })")]
    [InlineData(Big + "Array(40).fill({ toString() { return big; } }).join('')")]
    [InlineData(Big + "String(Array(40).fill({ toString() { return big; } }))")]
    [InlineData(Big + "Array(40).fill(big).toLocaleString()")]
    [InlineData(Big + "Array(40).fill({ toLocaleString() { return big; } }).toLocaleString()")]
    public async Task A_call_that_would_build_a_string_past_the_limit_is_stopped_before_it_does(string code)
    {
        var (result, _) = await ScriptRunner.RunAsync(code);

        Assert.False(result.Succeeded, $"'{code}' ran to completion");
        Assert.True(result.Error!.Limit == "maxStringLength", $"{result.Error} [{result.Error.Limit}]");
    }

    [Theory]
    [InlineData("JSON.stringify({ b: 1, a: [1, 'two', null, true], c: { d: undefined, e: () => 1 } })", """{"b":1,"a":[1,"two",null,true],"c":{}}""")]
    [InlineData("JSON.stringify({ a: 1, b: { c: 2 } }, null, 2)", "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": 2\n  }\n}")]
    [InlineData("JSON.stringify({ a: 1, b: 2 }, null, '--')", "{\n--\"a\": 1,\n--\"b\": 2\n}")]
    [InlineData("JSON.stringify({ b: 1, a: 2, c: { a: 3, z: 4 } }, ['a', 'c', 'a'])", """{"a":2,"c":{"a":3}}""")]
    [InlineData("JSON.stringify([{ x: 1, y: 2 }], ['y'])", """[{"y":2}]""")]
    [InlineData("JSON.stringify({ a: 1, b: 'x' }, function (k, v) { return typeof v === 'number' ? v * 10 : v; })", """{"a":10,"b":"x"}""")]
    [InlineData("JSON.stringify({ a: 1, b: 2 }, (k, v) => k === 'a' ? undefined : v)", """{"b":2}""")]
    [InlineData("JSON.stringify({ d: { toJSON(key) { return 'key:' + key; } } })", """{"d":"key:d"}""")]
    [InlineData("JSON.stringify('he said \"hi\"\\n')", "\"he said \\\"hi\\\"\\n\"")]
    [InlineData("JSON.stringify(undefined)", null)]
    [InlineData("JSON.stringify(42)", "42")]
    [InlineData("const seen = []; JSON.stringify({ a: { b: 1 } }, function (k, v) { seen.push(k); return v; }); seen.join('|')", "|a|b")]
    [InlineData("'a'.concat(1, null, { toString() { return 'o'; } }, [2, 3])", "a1nullo2,3")]
    [InlineData("let calls = 0; 'a'.concat({ toString() { calls++; return 'b'; } }); calls", 1L)]
    [InlineData("[1, null, 'x', undefined, { toString() { return 'T'; } }, [2, [3]]].join('-')", "1--x--T-2,3")]
    [InlineData("let calls = 0; [{ toString() { calls++; return 'b'; } }].join(); calls", 1L)]
    [InlineData("Array.prototype.join.call({ length: 3, 0: 'a', 2: 'c' })", "a,,c")]
    [InlineData("const a = [1]; a.push(a, 2); a.join('-') + '|' + String(a) + '|' + a.toLocaleString()", "1--2|1,,2|1,,2")]
    [InlineData("[1, null, 'x', undefined, { toLocaleString() { return 'L'; } }].toLocaleString()", "1,,x,,L")]
    [InlineData("Array.prototype.toLocaleString.call({ length: 2, 0: 'a', 1: 'b' })", "a,b")]
    public async Task Guarded_built_ins_give_the_results_they_gave_before(string code, object? expected)
    {
        var (result, _) = await ScriptRunner.RunAsync(code);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("String(a)")]
    [InlineData("a.join('-')")]
    [InlineData("a.toLocaleString()")]
    public async Task Joining_arrays_nested_past_the_recursion_limit_stops_at_that_limit(string join)
    {
        var (result, _) = await ScriptRunner.RunAsync("let a = [];\nfor (let i = 0; i < 100000; i++) a = [a];\n" + join);

        Assert.Equal("maxRecursionDepth", result.Error?.Limit);
    }

    [Fact]
    public async Task Stringify_still_refuses_cycles_with_a_type_error()
    {
        var (result, _) = await ScriptRunner.RunAsync("const o = {}; o.self = o; JSON.stringify(o)");

        Assert.Equal(ScriptErrorKind.Runtime, result.Error?.Kind);
    }
}
