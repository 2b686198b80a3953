using System.Collections.Concurrent;
using Acornima;
using Jint;

namespace Platform.Scripting;

/// <summary>
/// Parsed scripts keyed by name and content hash. Prepared scripts are immutable and thread-safe, so one copy serves
/// every engine on every thread; Lazy makes concurrent first uses parse once.
/// </summary>
internal sealed class PreparedScriptCache
{
    private readonly ConcurrentDictionary<(string Name, string Hash, bool Library), Lazy<Entry>> _entries = new();

    // Regexes compiled while preparing keep this timeout for every later run (Jint threat model TM-05).
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public int Count => _entries.Count;

    public Entry Get(ScriptSource script) =>
        _entries.GetOrAdd((script.Name, script.Hash, false), _ => new Lazy<Entry>(() => Prepare(script))).Value;

    /// <summary>A library, prepared as a function of (module, exports) so its top-level names stay private to it.</summary>
    public Entry GetLibrary(ScriptSource library) =>
        _entries.GetOrAdd((library.Name, library.Hash, true), _ => new Lazy<Entry>(() => Prepare(AsLibrary(library)))).Value;

    // On the first line, so line numbers in errors are the library file's own.
    internal static ScriptSource AsLibrary(ScriptSource library) =>
        new(library.Name, "(function (module, exports) { " + library.Code + "\n})");

    internal static Entry Prepare(ScriptSource script)
    {
        try
        {
            var options = new ScriptPreparationOptions { ParsingOptions = ScriptParsingOptions.Default with { Tolerant = false, RegexTimeout = RegexTimeout } };
            return new Entry(Engine.PrepareScript(script.Code, script.Name, strict: true, options), null);
        }
        catch (Exception e) when ((e as ParseErrorException ?? e.InnerException as ParseErrorException) is { } parse)
        {
            return new Entry(null, new ScriptError(script.Name, parse.LineNumber, parse.Column, parse.Error?.Description ?? parse.Message, ScriptErrorKind.Syntax));
        }
    }

    public sealed record Entry(Prepared<Acornima.Ast.Script>? Script, ScriptError? Error);
}
