using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the WaitUntil activity type (what the validator needs); <c>WaitUntilActivity</c> runs it.</summary>
public class WaitUntilDescription : IActivityDescription
{
    public string Type => "WaitUntil";
    public string Description => "Waits until 'at' (an ISO date or date-time, e.g. {\"expression\": \"record.close_date\"}); a date alone means midnight UTC.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [new("at", "ISO 8601 date or date-time.", InputSchemas.String(), Required: true)];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
