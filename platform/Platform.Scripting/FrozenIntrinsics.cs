using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Platform.Scripting;

/// <summary>
/// Freezes every built-in object of a reused engine — prototypes, constructors, Math, JSON, the hidden iterator and
/// generator prototypes, the guards and the shared host functions — so nothing a run does to them reaches the next run.
/// The global object itself stays open (top-level <c>var</c> must work); Jint's global snapshot restores it after each run.
/// <para>
/// Freezing makes inherited properties read-only, and in strict mode assigning a property an ancestor holds read-only
/// throws (the "override mistake"): <c>this.name = 'MyError'</c> in an Error subclass, <c>o.toString = …</c>. As in
/// SES, those few properties become accessors whose setter defines an own property on the receiver instead.
/// </para>
/// </summary>
internal static class FrozenIntrinsics
{
    private static readonly string[] ErrorTypes =
        ["Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError"];

    private static readonly string[] ErrorOverrides = ["name", "message", "constructor", "toString"];

    // Reachable only through instances: freezing from the globals alone would miss them. Jint builds several of them
    // lazily, on first use, so they are created here. Iterator.from([]) is the array iterator itself; the helper and
    // wrapper prototypes (Iterator.prototype.map, Iterator.from of a plain { next }, Iterator.concat/zip, their async
    // counterparts, and the async-from-sync iterator AsyncIterator.from([]) returns) are distinct objects — left
    // extensible, one run could stash data on them or replace their next() and run its code inside the next run.
    private const string HiddenIntrinsics = """
        [Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}), Object.getPrototypeOf(async function* () {}),
         Object.getPrototypeOf([][Symbol.iterator]()), Object.getPrototypeOf(new Map()[Symbol.iterator]()),
         Object.getPrototypeOf(new Set()[Symbol.iterator]()), Object.getPrototypeOf(''[Symbol.iterator]()),
         Object.getPrototypeOf(/a/[Symbol.matchAll]('')), Object.getPrototypeOf(Int8Array.prototype),
         typeof Iterator === 'function' ? Object.getPrototypeOf(Iterator.from([])) : null,
         typeof Iterator === 'function' ? Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } })) : null,
         typeof Iterator === 'function' && typeof Iterator.prototype.map === 'function' ? Object.getPrototypeOf([].values().map(x => x)) : null,
         typeof Iterator === 'function' && typeof Iterator.concat === 'function' ? Object.getPrototypeOf(Iterator.concat([])) : null,
         typeof Iterator === 'function' && typeof Iterator.zip === 'function' ? Object.getPrototypeOf(Iterator.zip([])) : null,
         typeof AsyncIterator === 'function' && typeof AsyncIterator.from === 'function' ? Object.getPrototypeOf(AsyncIterator.from([])) : null,
         typeof AsyncIterator === 'function' && typeof AsyncIterator.from === 'function'
           ? Object.getPrototypeOf(AsyncIterator.from({ next() { return Promise.resolve({ done: true }); } })) : null,
         typeof AsyncIterator === 'function' && typeof AsyncIterator.prototype.map === 'function'
           ? Object.getPrototypeOf((async function* () {})().map(x => x)) : null]
        """;

    /// <summary>Freezes what the global object reaches, plus <paramref name="extra"/> objects.</summary>
    public static void Freeze(Engine engine, IEnumerable<ObjectInstance> extra)
    {
        AllowOverrides(engine);
        var global = engine.Global;
        var freeze = ((ObjectInstance)engine.GetValue("Object")).Get("freeze");
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance) { global };
        var pending = new Stack<ObjectInstance>();
        void Visit(JsValue? value)
        {
            if (value is ObjectInstance o && seen.Add(o)) pending.Push(o);
        }

        foreach (var key in global.GetOwnPropertyKeys(Types.String | Types.Symbol)) VisitProperty(global.GetOwnProperty(key), Visit);
        if (engine.Evaluate(HiddenIntrinsics) is ObjectInstance hidden)
            foreach (var key in hidden.GetOwnPropertyKeys(Types.String)) Visit(hidden.Get(key));
        foreach (var o in extra) Visit(o);

        while (pending.TryPop(out var o))
        {
            Visit(o.Prototype);
            foreach (var key in o.GetOwnPropertyKeys(Types.String | Types.Symbol)) VisitProperty(o.GetOwnProperty(key), Visit);
            engine.Invoke(freeze, o);
        }
    }

    private static void VisitProperty(PropertyDescriptor descriptor, Action<JsValue?> visit)
    {
        if (descriptor.IsDataDescriptor()) visit(descriptor.Value);
        visit(descriptor.Get);
        visit(descriptor.Set);
    }

    private static void AllowOverrides(Engine engine)
    {
        var objectPrototype = Prototype(engine, "Object");
        foreach (var key in objectPrototype.GetOwnPropertyKeys(Types.String))
            if (key.ToString() != "__proto__") AllowOverride(engine, objectPrototype, key.ToString());
        foreach (var type in ErrorTypes)
            if (engine.GetValue(type) is ObjectInstance)
                foreach (var name in ErrorOverrides) AllowOverride(engine, Prototype(engine, type), name);
    }

    private static ObjectInstance Prototype(Engine engine, string constructor) =>
        (ObjectInstance)((ObjectInstance)engine.GetValue(constructor)).Get("prototype");

    private static void AllowOverride(Engine engine, ObjectInstance target, string name)
    {
        var descriptor = target.GetOwnProperty(name);
        if (descriptor == PropertyDescriptor.Undefined || !descriptor.IsDataDescriptor()) return;
        var value = descriptor.Value;
        var getter = new ClrFunction(engine, "get " + name, (_, _) => value);
        var setter = new ClrFunction(engine, "set " + name, (self, args) =>
        {
            if (ReferenceEquals(self, target) || self is not ObjectInstance receiver)
                throw new JavaScriptException(engine.Intrinsics.TypeError, $"Cannot assign to read only property '{name}'");
            var own = new PropertyDescriptor(args.Length > 0 ? args[0] : JsValue.Undefined, writable: true, enumerable: true, configurable: true);
            if (!receiver.DefineOwnProperty(name, own))
                throw new JavaScriptException(engine.Intrinsics.TypeError, $"Cannot assign to read only property '{name}'");
            return JsValue.Undefined;
        });
        target.DefineOwnProperty(name, new GetSetPropertyDescriptor(getter, setter, descriptor.Enumerable, configurable: true));
    }
}
