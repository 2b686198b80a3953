using Jint.Native;
using Jint.Native.Object;

namespace Platform.Scripting;

/// <summary>How a global is read: one frozen value for every run of the engine, or a value built in each run.</summary>
public sealed class ScriptGlobalValue
{
    private ScriptGlobalValue(JsValue? shared, Func<JsValue>? perRun, IReadOnlyList<ObjectInstance> alsoFreeze)
    {
        Shared = shared;
        PerRun = perRun;
        AlsoFreeze = alsoFreeze;
    }

    /// <summary>Installed once per engine (functions, host objects): frozen, the same in every run.</summary>
    public static ScriptGlobalValue Constant(JsValue value) => new(value, null, []);

    /// <summary>
    /// Built on the script's first read in each run (a lazy global, dropped when the engine's globals are restored):
    /// values of the run, such as <c>record</c>. <paramref name="alsoFreeze"/> are the host objects those values hold.
    /// </summary>
    public static ScriptGlobalValue EachRun(Func<JsValue> value, params ObjectInstance[] alsoFreeze) => new(null, value, alsoFreeze);

    internal JsValue? Shared { get; }
    internal Func<JsValue>? PerRun { get; }
    internal IReadOnlyList<ObjectInstance> AlsoFreeze { get; }
}
