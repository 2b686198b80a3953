using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the Finish activity type (what the validator needs); <c>FinishActivity</c> runs it.</summary>
public class FinishDescription : IActivityDescription
{
    public string Type => "Finish";
    public string Description => "Ends the instance as finished, dropping pending branches and bookmarks.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [];
    public IReadOnlyList<string> Ports(ActivityNode node) => [];
}
