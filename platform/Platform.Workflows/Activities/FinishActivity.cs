using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>Finish: ends the instance now; pending branches and waiting activities are dropped.</summary>
public sealed class FinishActivity : IActivityType
{
    public string Type => "Finish";
    public string Description => "Ends the instance as finished, dropping pending branches and bookmarks.";
    public IReadOnlyList<ActivityInput> Inputs { get; } = [];
    public IReadOnlyList<string> Ports(ActivityNode node) => [];
    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.Finish());
}
