using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;
using Platform.Workflows.Effects;

namespace Platform.Workflows.Activities;

/// <summary>Notify: an in-app notification to users (linked to the instance's record), through <see cref="IWorkflowNotifier"/>.</summary>
public sealed class NotifyActivity : NotifyDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var users = SendEmailActivity.Addresses(await context.InputAsync("users"));
        var message = await context.RequiredStringAsync("message");
        await context.Effects.NotifyAsync(
            new WorkflowNotification(users, message, context.State.Entity, context.State.RecordId, context.ExecutionKey), context.Transaction, context.CancellationToken);
        return ActivityResult.Done(new JsonObject { ["users"] = users.Count });
    }
}
