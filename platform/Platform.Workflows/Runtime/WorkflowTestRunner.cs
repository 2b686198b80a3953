using System.Text.Json.Nodes;
using Platform.Records;
using Platform.Runtime;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Runs a definition (usually the draft) in memory, persisting nothing: record writes, email, notifications and HTTP
/// calls are captured instead of performed, reads are real. It stops where a real run would wait (a timer) and answers
/// the path taken, what would have been done, and where it stopped.
/// </summary>
public sealed class WorkflowTestRunner(
    RecordService records, WorkflowRunServices services, IWorkflowMailer mailer, IWorkflowNotifier notifier, WorkflowHttp http, WorkflowOptions options, TimeProvider clock)
{
    private readonly ActivityStepper _stepper = new(services);

    public async Task<TestRunResult> RunAsync(TenantRuntime runtime, WorkflowDefinition definition, string? entity, Guid? recordId, JsonNode? input, RecordActor actor, CancellationToken ct)
    {
        var state = new InstanceState
        {
            Variables = (JsonObject)definition.Variables.DeepClone(), Input = input?.DeepClone(), Entity = entity, RecordId = recordId,
            Actor = ActorSnapshot.Of(actor), Queue = definition.StartActivities.Select(a => a.Id).ToList(),
        };
        var effects = new WorkflowEffects(records, mailer, notifier, http, runtime, actor, capture: true);
        var journal = new List<JournalEntry>();
        var status = ActivityStepper.StatusOf(state);
        string? error = null, faultedActivity = null;
        for (var steps = 0; state.Queue.Count > 0; steps++)
        {
            if (steps >= options.MaxStepsPerRun)
            {
                (status, error, faultedActivity) = (WorkflowStatus.Faulted, $"The run executed {options.MaxStepsPerRun} activities without waiting (a loop?).", state.Queue[0]);
                break;
            }
            var changes = new StepChanges();
            var head = state.Queue[0];
            try
            {
                status = await _stepper.StepAsync(runtime, definition, null, state, actor, effects, clock.GetUtcNow().UtcDateTime, changes, null, null, ct);
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                (status, error, faultedActivity) = (WorkflowStatus.Faulted, exception is Records.Scripting.RecordScriptException script ? script.Error.ToString() : exception.Message, head);
                break;
            }
            finally
            {
                journal.AddRange(changes.Journal);
            }
            if (status == WorkflowStatus.Finished) break;
        }
        return new TestRunResult(status, state.Path, state.Waiting.Keys.ToList(), effects.Captured, state.Variables, journal, faultedActivity, error);
    }
}

public sealed record TestRunResult(
    string Status, IReadOnlyList<string> Path, IReadOnlyList<string> WaitingAt, IReadOnlyList<JsonObject> Captured, JsonObject Variables,
    IReadOnlyList<JournalEntry> Journal, string? FaultedActivity, string? Error);
