using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>WaitUntil: waits on a durable timer until a date or date-time (often a record's date field); a time in the past continues at once.</summary>
public sealed class WaitUntilActivity : IActivityType
{
    public string Type => "WaitUntil";
    public string Description => "Waits until 'at' (an ISO date or date-time, e.g. {\"expression\": \"record.close_date\"}); a date alone means midnight UTC.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("at", "ISO 8601 date or date-time.", InputSchemas.String(), Required: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];

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
