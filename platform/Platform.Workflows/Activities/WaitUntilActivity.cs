using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>WaitUntil: waits on a durable timer until a date or date-time (often a record's date field); a time in the past continues at once.</summary>
public sealed class WaitUntilActivity : WaitUntilDescription, IActivityType
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = await context.RequiredStringAsync("at");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            throw new WorkflowActivityException($"'{text}' is not a date or date-time.");
        var due = at.UtcDateTime;
        return due <= context.Now
            ? ActivityResult.Done(new JsonObject { ["dueAt"] = due.ToString("O"), ["passed"] = true })
            : ActivityResult.Wait(new BookmarkRequest("timer", due), new JsonObject { ["dueAt"] = due.ToString("O") });
    }
}
