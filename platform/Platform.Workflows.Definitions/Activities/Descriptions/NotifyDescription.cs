using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the Notify activity type (what the validator needs); <c>NotifyActivity</c> runs it.</summary>
public class NotifyDescription : IActivityDescription
{
    public string Type => "Notify";
    public string Description => "Sends an in-app notification with 'message' to 'users' (a user id or a list).";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("users", "A user id or a list of them.", InputSchemas.StringOrList(), Required: true),
        new("message", "The text.", InputSchemas.String(), Required: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
