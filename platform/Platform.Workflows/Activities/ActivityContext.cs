using System.Text.Json.Nodes;
using Platform.Records;
using Platform.Runtime;
using Platform.Storage.Records;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Activities;

/// <summary>
/// One execution of one activity: its node, the instance's state, the actor and effects of the run, and input
/// evaluation (literal, expression or template). What inputs evaluated to is kept for the journal's summary.
/// </summary>
public sealed class ActivityContext
{
    private IReadOnlyDictionary<string, object?>? _record;
    private bool _recordLoaded;

    public required TenantRuntime Runtime { get; init; }
    public required WorkflowDefinition Definition { get; init; }
    public required ActivityNode Node { get; init; }
    public required InstanceState State { get; init; }
    public required RecordActor Actor { get; init; }
    public required WorkflowEffects Effects { get; init; }
    public required WorkflowRunServices Services { get; init; }
    public Guid? InstanceId { get; init; }

    /// <summary>The step's transaction (null in a test run): email and notifications are written in it, with the instance's new state.</summary>
    public RecordSession? Transaction { get; init; }

    /// <summary>
    /// Identifies this execution of the activity: the instance, the activity and how many activities completed before
    /// it. A step retried after a fault runs from the same state, so it has the same key; a loop's next pass does not.
    /// </summary>
    public string ExecutionKey => $"{InstanceId?.ToString() ?? "test"}:{Node.Id}:{State.Path.Count}";
    public required DateTime Now { get; init; }
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Evaluated inputs, for the journal.</summary>
    public JsonObject InputSummary { get; } = [];

    /// <summary>The triggering record as the actor may read it now (null when the instance has none or it is gone).</summary>
    public async Task<IReadOnlyDictionary<string, object?>?> RecordAsync()
    {
        if (_recordLoaded) return _record;
        _recordLoaded = true;
        if (State.Entity is { } entity && State.RecordId is { } id)
            _record = await Effects.Crm.GetAsync(entity, id, CancellationToken);
        return _record;
    }

    /// <summary>The value of an input: a literal as written, an expression's result, or a rendered template.</summary>
    public async Task<JsonNode?> InputAsync(string name)
    {
        var value = await EvaluateAsync(Node.Input(name), $"{Definition.Id}:{Node.Id}.{name}");
        InputSummary[name] = value?.DeepClone();
        return value;
    }

    public async Task<string?> StringAsync(string name) => await InputAsync(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    public async Task<string> RequiredStringAsync(string name) =>
        await StringAsync(name) is { Length: > 0 } text ? text : throw new WorkflowActivityException($"The input '{name}' of '{Node.Id}' evaluated to nothing.");

    public async Task<JsonNode?> EvaluateAsync(JsonNode? input, string name)
    {
        switch (input)
        {
            case JsonObject obj when obj.Count == 1 && obj["expression"] is JsonValue expression:
                return await Services.Expressions.EvaluateAsync(await ScopeAsync(), WorkflowExpressions.ExpressionSource(name, (string)expression!), CancellationToken);
            case JsonObject obj when obj.Count == 1 && obj["template"] is JsonValue template:
                return JsonValue.Create(await Services.Templates.RenderAsync(
                    new WorkflowTemplate(Runtime, name, (string)template!, Actor, State.Entity, await RecordAsync(), State.Variables, State.Input), CancellationToken));
            case JsonObject obj:
            {
                // A literal object whose members may themselves be expressions (UpdateRecord values).
                var result = new JsonObject();
                foreach (var (key, member) in obj) result[key] = await EvaluateAsync(member, $"{name}.{key}");
                return result;
            }
            case JsonArray array:
            {
                var result = new JsonArray();
                for (var i = 0; i < array.Count; i++) result.Add(await EvaluateAsync(array[i], $"{name}[{i}]"));
                return result;
            }
            default:
                return input?.DeepClone();
        }
    }

    public async Task<EvaluationScope> ScopeAsync() => new(Runtime, Actor, await RecordAsync(), State.Variables, State.Input, Effects.Crm);
}
