using System.Collections;
using System.Globalization;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Platform.Scripting;

/// <summary>
/// Copies host values into plain JS objects and back. Never wraps a CLR object (that would expose its members),
/// and bounds depth so a cyclic or deep structure cannot run away during conversion.
/// </summary>
internal static class JsConvert
{
    private const int MaxDepth = 16;

    public static JsValue ToJs(Engine engine, object? value, int depth = 0)
    {
        if (depth > MaxDepth) return JsValue.Undefined;
        switch (value)
        {
            case null: return JsValue.Null;
            case JsValue js: return js;
            case string s: return new JsString(s);
            case bool b: return b ? JsBoolean.True : JsBoolean.False;
            case int or long or short or byte or double or float or decimal or uint or ulong:
                return new JsNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case DateTime or DateTimeOffset: return JsValue.FromObject(engine, value);
            case DateOnly d: return new JsString(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case TimeOnly t: return new JsString(t.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            case Guid g: return new JsString(g.ToString());
            case JsonElement e: return FromJson(engine, e, depth);
            case IEnumerable<KeyValuePair<string, object?>> map:
                var obj = new JsObject(engine);
                foreach (var (k, v) in map) obj.Set(k, ToJs(engine, v, depth + 1));
                return obj;
            case IEnumerable items:
                return new JsArray(engine, items.Cast<object?>().Select(i => ToJs(engine, i, depth + 1)).ToArray());
            default: return new JsString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        }
    }

    private static JsValue FromJson(Engine engine, JsonElement e, int depth) => e.ValueKind switch
    {
        JsonValueKind.String => new JsString(e.GetString()!),
        JsonValueKind.Number => new JsNumber(e.GetDouble()),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        JsonValueKind.Object => ToJs(engine, e.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)), depth),
        JsonValueKind.Array => ToJs(engine, e.EnumerateArray().Select(i => (object?)i).ToList(), depth),
        _ => JsValue.Null,
    };

    /// <summary>Reads a JS value back: numbers become long when integral, dates DateTimeOffset, objects dictionaries.</summary>
    public static object? FromJs(JsValue value, int depth = 0)
    {
        if (depth > MaxDepth) return null;
        switch (value)
        {
            case JsString s: return s.ToString();
            case JsNumber n:
                var d = TypeConverter.ToNumber(n);
                return double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9e15 ? (long)d : (object)d;
            case JsBoolean b: return (bool)b.ToObject();
            case JsDate date: return double.IsNaN(TypeConverter.ToNumber(date)) ? null : new DateTimeOffset(date.ToDateTime().ToUniversalTime(), TimeSpan.Zero);
            case JsArray a:
                var list = new List<object?>();
                for (uint i = 0; i < a.Length; i++) list.Add(FromJs(a.Get(i), depth + 1));
                return list;
            case ObjectInstance o when o is not Jint.Native.Function.Function:
                var map = new Dictionary<string, object?>();
                foreach (var key in o.GetOwnPropertyKeys(Jint.Runtime.Types.String))
                {
                    var v = o.Get(key);
                    if (v is not Jint.Native.Function.Function) map[key.ToString()] = FromJs(v, depth + 1);
                }
                return map;
            default: return value.IsBigInt() ? value.ToString() : null;
        }
    }
}
