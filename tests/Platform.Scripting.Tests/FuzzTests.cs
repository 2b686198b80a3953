namespace Platform.Scripting.Tests;

/// <summary>
/// Random scripts assembled from benign and hostile building blocks: none may crash the host or run past its
/// timeout by more than a margin (Jint's own fuzzing found multi-minute runs under a 2 s timeout).
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Blocks =
    [
        "let a = [1, 2, 3];", "a = a.concat(a);", "let s = 'ab';", "s = s + s;", "s = s.repeat(1000);", "s.padEnd(1e6, 'x');",
        "a.join(s);", "a.fill(s);", "Array.from({ length: 1e6 });", "new Array(1e5).join('-');", "JSON.stringify(a);",
        "JSON.parse('[[[[[[[[1]]]]]]]]');", "/(a+)+$/.test(s + '!');", "s.replaceAll('a', s);", "s.split('').reverse().join('');",
        "for (let i = 0; i < 1000; i++) { a.push(i); }", "while (a.length < 1e9) { a.push(a.length); }", "function f(n) { return n ? f(n - 1) : 0; } f(50);",
        "function g() { return g(); } g();", "try { null.x; } catch (e) { s = String(e); }", "const o = { get v() { return this.v; } }; o.v;",
        "10n ** 1000n;", "Object.keys(record).length;", "errors.add('x', s.slice(0, 10));", "log.info(s.slice(0, 100));",
        "record.x = a.length;", "s.localeCompare('b');", "[3, 1, 2].sort((x, y) => x - y);", "Math.max.apply(null, a);",
        "String.fromCharCode.apply(null, a);", "new Date(1, Infinity);", "a.flat(Infinity);", "s.match(/b/g);", "eval('1');",
        "for (const k in globalThis) { s += k; }", "let m = new Map(); for (let i = 0; i < 1e6; i++) m.set(i, s);",
    ];

    [Fact]
    public async Task Generated_scripts_never_crash_or_overrun()
    {
        var random = new Random(20260315);
        var limits = ScriptLimits.Hook with { Timeout = TimeSpan.FromMilliseconds(300) };
        var worst = TimeSpan.Zero;
        // The first runs in a process pay for JIT compilation, which is not the script's doing.
        foreach (var block in Blocks) await ScriptRunner.RunAsync(block, limits, name: "warmup.js");
        for (var i = 0; i < 300; i++)
        {
            var code = string.Join("\n", Enumerable.Range(0, random.Next(1, 8)).Select(_ => Blocks[random.Next(Blocks.Length)]));
            var (result, elapsed) = await ScriptRunner.RunAsync(code, limits, name: $"fuzz{i}.js");
            if (elapsed > worst) worst = elapsed;
            Assert.True(elapsed < limits.Timeout + TimeSpan.FromMilliseconds(500), $"{elapsed.TotalMilliseconds:0} ms for:\n{code}\n{result.Error}");
            Assert.True(result.Succeeded || result.Error!.Line >= 0);
        }
    }
}
