using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Records.Scripting;
using Platform.Runtime;
using Platform.Scripting;
using Platform.Workflows.Scripts;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Runs <c>{"expression": "..."}</c> inputs and RunScript code in the tenant script sandbox (limits, libraries, run
/// log as for actions). The code is wrapped in a function whose parameters are <c>variables</c> and <c>input</c>, so
/// the workflow's values look like globals next to the sandbox's <c>record</c> and <c>user</c>.
/// </summary>
public sealed class WorkflowExpressions(TenantScriptRunner runner, WorkflowDirectory directory)
{
    /// <summary>The wrapped source of an expression, also what the validator checks for syntax.</summary>
    public static ScriptSource ExpressionSource(string name, string expression) => WorkflowScriptSources.Expression(name, expression);

    /// <summary>A RunScript body (see <see cref="WorkflowScriptSources.ScriptBody"/>).</summary>
    public static ScriptSource ScriptBodySource(string name, string code) => WorkflowScriptSources.ScriptBody(name, code);

    /// <param name="engines">A hold that keeps one engine for many evaluations (a batch of trigger conditions); null rents one per run.</param>
    public async Task<JsonNode?> EvaluateAsync(EvaluationScope scope, ScriptSource source, CancellationToken ct, ScriptEngineHold? engines = null)
    {
        var input = new JsonObject
        {
            ["variables"] = scope.Variables.DeepClone(), ["input"] = scope.Input?.DeepClone(),
            ["me"] = new JsonObject
            {
                ["id"] = scope.Actor.UserId?.ToString(), ["name"] = scope.Actor.Name,
                ["roles"] = new JsonArray(scope.Actor.Roles.Select(r => (JsonNode?)r).ToArray()),
            },
        };
        if (WorkflowDirectory.IsNeededBy(source.Code)) input["directory"] = (await directory.UsersAsync(scope.Runtime, ct)).DeepClone();
        var result = await runner.RunAsync(scope.Runtime, source, new ScriptContext
        {
            Tenant = scope.Runtime.Id, User = TenantScriptRunner.User(scope.Actor), Record = scope.Record ?? new Dictionary<string, object?>(),
            Input = JsonSerializer.SerializeToElement(input), Crm = scope.Crm, Limits = TenantScripts.Of(scope.Runtime).ActionLimits,
            Engines = engines,
        }, ct);
        return result.Value is null ? null : JsonSerializer.SerializeToNode(result.Value);
    }
}

/// <summary>What an expression sees: the record (as the run's actor may read it), variables, the instance's input and the actor.</summary>
public sealed record EvaluationScope(
    TenantRuntime Runtime, Platform.Records.RecordActor Actor, IReadOnlyDictionary<string, object?>? Record, JsonObject Variables, JsonNode? Input, IScriptCrm? Crm);
