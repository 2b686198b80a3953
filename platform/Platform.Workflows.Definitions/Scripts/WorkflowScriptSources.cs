using Platform.Scripting;

namespace Platform.Workflows.Scripts;

/// <summary>
/// How workflow code is wrapped before it runs: in a function whose parameters are <c>variables</c> and <c>input</c>,
/// so the workflow's values look like globals next to the sandbox's <c>record</c> and <c>user</c>. The validator checks
/// the syntax of exactly what the runtime will run.
/// </summary>
public static class WorkflowScriptSources
{
    // user is both the acting user ({id, name, roles}) and user(id); manager(id) is the manager of a user, both from the directory.
    private const string Prelude =
        "const user = (function () { const f = function (id) { const u = __directory[id]; return u === undefined ? null : u; }; " +
        "f.id = __me.id; f.roles = __me.roles; Object.defineProperty(f, 'name', { value: __me.name }); return f; })(); " +
        "const manager = function (id) { const u = __directory[id]; return u && u.managerId ? (__directory[u.managerId] || null) : null; };";

    private const string Arguments = "(input.variables, input.input, input.directory || {}, input.me || {})";

    /// <summary>The wrapped source of an expression.</summary>
    public static ScriptSource Expression(string name, string expression) =>
        new(name, $"(function (variables, input, __directory, __me) {{ {Prelude} return (\n{expression}\n); }}){Arguments}");

    /// <summary>
    /// A RunScript body: the code runs as a function body (it may <c>return</c> a value) and may change
    /// <c>variables</c>; both the value and the variables come back.
    /// </summary>
    public static ScriptSource ScriptBody(string name, string code) =>
        new(name, $"(function (variables, input, __directory, __me) {{ {Prelude} const result = (function () {{\n{code}\n}})(); return {{ result: result === undefined ? null : result, variables: variables }}; }}){Arguments}");
}
