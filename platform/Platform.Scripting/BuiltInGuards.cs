using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsFunction = Jint.Native.Function.Function;

namespace Platform.Scripting;

/// <summary>
/// Jint checks its limits between statements, so one built-in call can allocate gigabytes or spin for minutes before
/// the next check (Jint issues #683, #887, #917, #2486). These wrappers check the size a call would produce before
/// letting the original run, and throw a host exception the script cannot catch.
/// </summary>
internal static class BuiltInGuards
{
    public static void Install(Engine engine, ScriptLimits limits)
    {
        var stringConstructor = (ObjectInstance)engine.GetValue("String");
        var strings = (ObjectInstance)stringConstructor.Get("prototype");
        var arrays = engine.Intrinsics.Array.PrototypeObject;
        var functions = (ObjectInstance)((ObjectInstance)engine.GetValue("Function")).Get("prototype");
        long maxString = limits.MaxStringLength, maxArray = limits.MaxArrayLength;

        Wrap(engine, strings, "repeat", (self, args) =>
            CheckString(Text(self).Length * Math.Max(0, Number(args, 0)), maxString, "repeat"));
        Wrap(engine, strings, "padStart", (_, args) => CheckString(Number(args, 0), maxString, "padStart"));
        Wrap(engine, strings, "padEnd", (_, args) => CheckString(Number(args, 0), maxString, "padEnd"));
        Wrap(engine, strings, "replaceAll", (self, args) => CheckReplacement(self, args, maxString, "replaceAll"));
        Wrap(engine, strings, "replace", (self, args) => CheckReplacement(self, args, maxString, "replace"));

        foreach (var name in new[] { "fill", "copyWithin", "reverse", "sort", "toSorted", "toReversed", "flat", "flatMap", "toString" })
            Wrap(engine, arrays, name, (self, _) => CheckArray(Length(self), maxArray, name));
        Wrap(engine, arrays, "concat", (self, args) =>
            CheckArray(Length(self) + args.Sum(a => a is ObjectInstance ? Length(a) : 1), maxArray, "concat"));
        Wrap(engine, engine.Intrinsics.Array, "from", (_, args) =>
        {
            if (args.Length > 0 && args[0] is ObjectInstance o) CheckArray(Length(o), maxArray, "Array.from");
        });
        Wrap(engine, functions, "apply", (_, args) =>
        {
            if (args.Length > 1 && args[1] is ObjectInstance o) CheckArray(Length(o), maxArray, "apply");
        });
        Wrap(engine, stringConstructor, "fromCharCode", (_, args) => CheckArray(args.Length, maxArray, "fromCharCode"));

        // These build their result from values only known while they run, so the guard does their work itself, checking
        // the length as it goes; each value is still converted exactly once, in the order the spec says.
        Replace(engine, strings, "concat", (original, self, args) =>
        {
            if (self.IsNull() || self.IsUndefined()) return original.Call(self, args);
            var text = new JsString(TypeConverter.ToString(self));
            double total = text.Length;
            var parts = new JsValue[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                var part = new JsString(TypeConverter.ToString(args[i]));
                total += part.Length;
                CheckString(total, maxString, "concat");
                parts[i] = part;
            }
            return original.Call(text, parts);
        });
        // Arrays being joined on this engine: an array that contains itself joins as "" inside itself, as in V8 and Jint,
        // and arrays nested deeper than the recursion limit stop the run instead of the native stack.
        var joining = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        bool Enter(ObjectInstance array)
        {
            if (joining.Count >= limits.MaxRecursionDepth)
                throw new ScriptLimitExceededException("maxRecursionDepth", $"joined arrays nested deeper than {limits.MaxRecursionDepth} levels");
            return joining.Add(array);
        }
        // join and toLocaleString share the cycle and depth rule: each wraps its body in one entry of `joining`.
        void ReplaceJoining(string name, Func<ObjectInstance, JsValue[], JsValue> body) =>
            Replace(engine, arrays, name, (original, self, args) =>
            {
                if (self is not ObjectInstance array) return original.Call(self, args);
                if (!Enter(array)) return JsString.Empty;
                try
                {
                    return body(array, args);
                }
                finally
                {
                    joining.Remove(array);
                }
            });
        ReplaceJoining("join", Join);

        JsValue Join(ObjectInstance array, JsValue[] args)
        {
            var length = Length(array);
            CheckArray(length, maxArray, "join");
            var separator = args.Length > 0 && !args[0].IsUndefined() ? TypeConverter.ToString(args[0]) : ",";
            CheckString((length - 1) * (double)separator.Length, maxString, "join");
            var result = new System.Text.StringBuilder();
            for (uint i = 0; i < length; i++)
            {
                if (i > 0) result.Append(separator);
                var element = array.Get(i);
                if (element.IsNull() || element.IsUndefined()) continue;
                // An element's toString runs here, once: its result is counted before it is appended.
                var part = TypeConverter.ToString(element);
                CheckString(result.Length + (double)part.Length, maxString, "join");
                result.Append(part);
            }
            return new JsString(result.ToString());
        }

        ReplaceJoining("toLocaleString", ToLocaleString);

        JsValue ToLocaleString(ObjectInstance array, JsValue[] args)
        {
            var length = Length(array);
            CheckArray(length, maxArray, "toLocaleString");
            var result = new System.Text.StringBuilder();
            for (uint i = 0; i < length; i++)
            {
                if (i > 0) result.Append(',');
                var element = array.Get(i);
                if (element.IsNull() || element.IsUndefined()) continue;
                // Object(element): a primitive's method comes from its prototype, as the spec's Invoke reads it.
                var boxed = element as ObjectInstance ?? (ObjectInstance)engine.Intrinsics.Object.Call(JsValue.Undefined, [element]);
                var method = boxed.Get("toLocaleString");
                if (!method.IsCallable()) throw new JavaScriptException(engine.Intrinsics.TypeError, "toLocaleString is not a function");
                var part = TypeConverter.ToString(engine.Call(method, element, args));
                if (result.Length + (double)part.Length > maxString)
                    throw new ScriptLimitExceededException("maxStringLength",
                        $"Array.prototype.toLocaleString would produce more than {maxString} characters; the limit is {maxString}");
                result.Append(part);
            }
            return new JsString(result.ToString());
        }

        JsonStringifyGuard.Install(engine, maxString);
    }

    /// <summary>
    /// Symbol.for registers into Jint's symbol registry, which lives as long as the engine: restoring the globals does
    /// not clear it (Jint says so), so on a pooled engine every run of a tenant could add up to its memory limit of keys
    /// for good. This counts the distinct keys registered on the engine; the returned check turns true past
    /// <paramref name="maxKeys"/> keys or <paramref name="maxChars"/> characters, and the engine is then retired
    /// instead of going back to the pool. No run can read another's keys; this bounds memory, not visibility.
    /// </summary>
    public static Func<bool> TrackSymbolRegistry(Engine engine, int maxKeys, long maxChars)
    {
        var symbol = (ObjectInstance)engine.GetValue("Symbol");
        if (symbol.Get("for") is not JsFunction original) return () => false;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        long chars = 0;
        var full = false;
        var wrapper = new ClrFunction(engine, "for", (self, args) =>
        {
            // Converted once, here, and passed on as a string: a key object's toString still runs exactly once.
            var key = TypeConverter.ToString(args.Length > 0 ? args[0] : JsValue.Undefined);
            if (!full && keys.Add(key))
            {
                chars += key.Length;
                full = keys.Count > maxKeys || chars > maxChars;
                if (full) keys.Clear();
            }
            return original.Call(self, [new JsString(key)]);
        }, 1, PropertyFlag.Configurable);
        symbol.FastSetProperty("for", new PropertyDescriptor(wrapper, PropertyFlag.Writable | PropertyFlag.Configurable));
        return () => full;
    }

    private static void Wrap(Engine engine, ObjectInstance target, string name, Action<JsValue, JsValue[]> check)
    {
        if (target.Get(name) is not JsFunction original) return;
        var length = (int)TypeConverter.ToNumber(original.Get("length"));
        var wrapper = new ClrFunction(engine, name, (self, args) =>
        {
            check(self, args);
            return original.Call(self, args);
        }, length, PropertyFlag.Configurable);
        target.FastSetProperty(name, new PropertyDescriptor(wrapper, PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    /// <summary>Replaces a built-in with a guarded implementation that may call the original.</summary>
    private static void Replace(Engine engine, ObjectInstance target, string name, Func<JsFunction, JsValue, JsValue[], JsValue> body)
    {
        if (target.Get(name) is not JsFunction original) return;
        var length = (int)TypeConverter.ToNumber(original.Get("length"));
        var wrapper = new ClrFunction(engine, name, (self, args) => body(original, self, args), length, PropertyFlag.Configurable);
        target.FastSetProperty(name, new PropertyDescriptor(wrapper, PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    private static void CheckReplacement(JsValue self, JsValue[] args, long max, string name)
    {
        if (args.Length < 2 || args[1] is not JsString replacement) return;
        // Worst case every position matches; each match may also expand "$&" (the match) and "$`"/"$'" (the rest).
        var text = Text(self).Length;
        var perMatch = replacement.Length + (replacement.ToString().Contains('$') ? text : 0);
        CheckString((text + 1) * (double)(perMatch + 1), max, name);
    }

    private static string Text(JsValue self) => self.IsNull() || self.IsUndefined() ? "" : TypeConverter.ToString(self);

    private static double Number(JsValue[] args, int index) =>
        args.Length > index ? TypeConverter.ToNumber(args[index]) : 0;

    private static double Length(JsValue value) =>
        value is ObjectInstance o ? TypeConverter.ToLength(o.Get("length")) : 0;

    private static void CheckString(double length, long max, string name)
    {
        if (length > max)
            throw new ScriptLimitExceededException("maxStringLength", $"String.prototype.{name} would produce {length:0} characters; the limit is {max}");
    }

    private static void CheckArray(double length, long max, string name)
    {
        if (length > max)
            throw new ScriptLimitExceededException("maxArrayLength", $"{name} would handle {length:0} elements; the limit is {max}");
    }
}
