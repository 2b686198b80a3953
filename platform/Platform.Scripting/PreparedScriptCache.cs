using System.Collections.Concurrent;
using System.Diagnostics;
using Acornima;
using Jint;

namespace Platform.Scripting;

/// <summary>
/// Parsed scripts keyed by name and content hash. Prepared scripts are immutable and thread-safe, so one copy serves
/// every engine on every thread; Lazy makes concurrent first uses parse once. A script not run for
/// <see cref="IdleLifetime"/> is dropped (an edited script leaves its old version behind, a deleted tenant all of its
/// scripts); it is parsed again if it comes back.
/// </summary>
internal sealed class PreparedScriptCache
{
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(30);
    private static readonly long TrimInterval = Stopwatch.Frequency * 60;

    private readonly ConcurrentDictionary<(string Name, string Hash, bool Library), Slot> _entries = new();
    private long _nextTrim = Stopwatch.GetTimestamp() + TrimInterval;

    // Regexes compiled while preparing keep this timeout for every later run (Jint threat model TM-05).
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public int Count => _entries.Count;

    public Entry Get(ScriptSource script) => Use((script.Name, script.Hash, false), () => Prepare(script));

    /// <summary>A library, prepared as a function of (module, exports) so its top-level names stay private to it.</summary>
    public Entry GetLibrary(ScriptSource library) => Use((library.Name, library.Hash, true), () => Prepare(AsLibrary(library)));

    private Entry Use((string, string, bool) key, Func<Entry> prepare)
    {
        var now = Stopwatch.GetTimestamp();
        TrimIfDue(now);
        var slot = _entries.GetOrAdd(key, _ => new Slot(new Lazy<Entry>(prepare)));
        slot.LastUsed = now;
        return slot.Entry.Value;
    }

    private void TrimIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextTrim);
        if (now < due || Interlocked.CompareExchange(ref _nextTrim, now + TrimInterval, due) != due) return;
        foreach (var (key, slot) in _entries)
            if (Stopwatch.GetElapsedTime(slot.LastUsed, now) > IdleLifetime) _entries.TryRemove(new KeyValuePair<(string, string, bool), Slot>(key, slot));
    }

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

    private sealed class Slot(Lazy<Entry> entry)
    {
        public Lazy<Entry> Entry { get; } = entry;

        // A torn or stale read only delays a trim; no lock on the hot path.
        public long LastUsed;
    }
}
