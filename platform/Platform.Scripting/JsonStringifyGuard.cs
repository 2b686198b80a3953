using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsFunction = Jint.Native.Function.Function;

namespace Platform.Scripting;

/// <summary>
/// JSON.stringify builds its whole output in one call: one large string referenced many times, or a deep structure with
/// indentation, makes gigabytes from a small value. Jint has no hook inside it, but the spec's replacer is called for
/// every key and value just before they are written, so the guard passes a replacer of its own that adds up what will
/// be written (key, escaped text, indentation at that depth) and stops the run past the string limit. A replacer the
/// script gave still runs first; an allow-list (array) replacer is applied by the guard's replacer, copying each object
/// to its listed keys in list order, so the output is the same (only the order in which getters run may differ).
/// </summary>
internal static class JsonStringifyGuard
{
    public static void Install(Engine engine, long maxLength)
    {
        var json = (ObjectInstance)engine.GetValue("JSON");
        if (json.Get("stringify") is not JsFunction original) return;
        var wrapper = new ClrFunction(engine, "stringify", (self, args) =>
        {
            var value = args.Length > 0 ? args[0] : JsValue.Undefined;
            var replacer = args.Length > 1 ? args[1] : JsValue.Undefined;
            var space = args.Length > 2 ? args[2] : JsValue.Undefined;
            var budget = new Budget(engine, maxLength, GapLength(space), replacer);
            return original.Call(self, [value, new ClrFunction(engine, "", budget.Replace), space]);
        }, 3, PropertyFlag.Configurable);
        json.FastSetProperty("stringify", new PropertyDescriptor(wrapper, PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    /// <summary>The indentation per level: a number of spaces or the first characters of a string, at most 10.</summary>
    private static int GapLength(JsValue space) => space switch
    {
        JsNumber n => (int)Math.Clamp(TypeConverter.ToIntegerOrInfinity(n), 0, 10),
        JsString s => Math.Min(10, s.Length),
        // A Number or String object converts to its value; counted at the most it could be.
        ObjectInstance => 10,
        _ => 0,
    };

    private sealed class Budget(Engine engine, long maxLength, int gap, JsValue replacer)
    {
        private readonly Dictionary<ObjectInstance, int> _depths = new(ReferenceEqualityComparer.Instance);
        private readonly List<string>? _allowed = AllowList(replacer);
        private double _written;

        public JsValue Replace(JsValue holder, JsValue[] args)
        {
            var key = args.Length > 0 ? args[0] : JsValue.Undefined;
            var value = args.Length > 1 ? args[1] : JsValue.Undefined;
            if (replacer.IsCallable()) value = engine.Call(replacer, holder, [key, value]);
            else if (_allowed is not null && value is ObjectInstance o && !o.IsArray() && !o.IsCallable()) value = Pick(o);

            var depth = holder is ObjectInstance h && _depths.TryGetValue(h, out var d) ? d : 0;
            // "key": value, plus a newline and indentation when indenting.
            var line = Escaped(TypeConverter.ToString(key)) + 4 + (gap > 0 ? 2 + (double)gap * (depth + 1) : 0);
            switch (value)
            {
                case JsString s: Add(line + Escaped(s.ToString())); break;
                case JsNumber n: Add(line + NumberLength(TypeConverter.ToNumber(n))); break;
                case JsBoolean: Add(line + 5); break;
                case ObjectInstance o when !o.IsCallable():
                    _depths[o] = depth + 1;
                    Add(line + 2 + (gap > 0 ? 1 + (double)gap * (depth + 1) : 0));
                    break;
                default:
                    if (value.IsNull()) Add(line + 4);
                    break;
            }
            return value;
        }

        private void Add(double length)
        {
            _written += length;
            if (_written > maxLength)
                throw new ScriptLimitExceededException("maxStringLength", $"JSON.stringify would produce more than {maxLength} characters; the limit is {maxLength}");
        }

        /// <summary>The object's listed keys, in list order, as the spec's property list writes them.</summary>
        private JsObject Pick(ObjectInstance source)
        {
            var picked = new JsObject(engine);
            foreach (var name in _allowed!) picked.Set(name, source.Get(name));
            return picked;
        }

        private static List<string>? AllowList(JsValue replacer)
        {
            if (replacer.IsCallable() || replacer is not ObjectInstance list || !list.IsArray()) return null;
            var names = new List<string>();
            var length = TypeConverter.ToLength(list.Get("length"));
            for (uint i = 0; i < length; i++)
            {
                var item = list.Get(i);
                // Strings, numbers, and String or Number objects name keys; anything else is ignored (as the spec says).
                var name = item switch
                {
                    JsString or JsNumber => TypeConverter.ToString(item),
                    ObjectInstance o when o.GetType().Name is "StringInstance" or "NumberInstance" => TypeConverter.ToString(item),
                    _ => null,
                };
                if (name is not null && !names.Contains(name)) names.Add(name);
            }
            return names;
        }

        /// <summary>Length once quoted and escaped: control characters and lone surrogates become \uXXXX, quotes and backslashes \" and \\.</summary>
        private static double Escaped(string text)
        {
            double length = text.Length + 2;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else if (c < 0x20 || char.IsSurrogate(c)) length += 5;
                else if (c is '"' or '\\') length += 1;
            }
            return length;
        }

        private static int NumberLength(double n) =>
            double.IsFinite(n) && Math.Floor(n) == n && Math.Abs(n) < 1e15 ? (n < 0 ? 2 : 1) + (n == 0 ? 0 : (int)Math.Log10(Math.Abs(n))) : 24;
    }
}
