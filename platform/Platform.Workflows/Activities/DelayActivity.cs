using System.Text.Json.Nodes;
using System.Xml;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>Delay: waits for an ISO 8601 duration on a durable timer (it survives restarts), then continues through Done.</summary>
public sealed class DelayActivity : DelayDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = await context.RequiredStringAsync("duration");
        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new WorkflowActivityException($"'{text}' is not an ISO 8601 duration.");
        }
        var due = context.Now + duration;
        return ActivityResult.Wait(new BookmarkRequest("timer", due), new JsonObject { ["dueAt"] = due.ToString("O") });
    }
}
