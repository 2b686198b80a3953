using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Activities;

/// <summary>
/// RunScript: runs <c>script</c> as a function body in the sandbox with <c>record</c>, <c>variables</c> (changes are
/// kept), <c>input</c>, <c>user</c> and <c>crm</c> (as the run's actor); what it returns goes to <c>resultVariable</c>.
/// </summary>
public sealed class RunScriptActivity : RunScriptDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var code = (string)context.Node.Input("script")!;
        var value = await context.Services.Expressions.EvaluateAsync(await context.ScopeAsync(),
            WorkflowExpressions.ScriptBodySource($"{context.Definition.Id}:{context.Node.Id}.script", code), context.CancellationToken);
        if (value?["variables"] is JsonObject variables)
            foreach (var (name, variable) in variables) context.State.Variables[name] = variable?.DeepClone();
        var result = value?["result"]?.DeepClone();
        if ((string?)(context.Node.Input("resultVariable") as JsonValue) is { Length: > 0 } target) context.State.Variables[target] = result?.DeepClone();
        return ActivityResult.Done(result);
    }
}
