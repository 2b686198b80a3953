using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Activities.Approval;

/// <summary>
/// What an Approval keeps while it waits (in the instance's state, so it commits with each step): its steps (one for
/// any/all/quorum, one per approver entry in sequence, plus steps added by 加签), the current step and every vote.
/// </summary>
public sealed class ApprovalState
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Mode { get; set; } = ApprovalModes.Any;
    public int Quorum { get; set; }
    public List<ApprovalStep> Steps { get; set; } = [];
    public int Step { get; set; }
    public Guid? Submitter { get; set; }
    public string Subject { get; set; } = "";
    public DateTime? DueAt { get; set; }
    public List<ApprovalVote> Votes { get; set; } = [];

    public IEnumerable<ApprovalVote> Pending => Votes.Where(v => v.Status == Approvals.ApprovalTaskStatus.Pending);

    public ApprovalVote? Vote(Guid task) => Votes.FirstOrDefault(v => v.Task == task);

    public static ApprovalState? Load(InstanceState state, string activityId) =>
        state.ActivityData.TryGetValue(activityId, out var data) ? data.Deserialize<ApprovalState>(Options) : null;

    public void Save(InstanceState state, string activityId) => state.ActivityData[activityId] = JsonSerializer.SerializeToNode(this, Options)!.AsObject();
}

/// <param name="Mode">How the step's votes decide it (any, all, quorum); a sequence's steps and added approvers' steps are 'any'.</param>
public sealed record ApprovalStep(List<Guid> Approvers, string Mode);

/// <summary>One approver's task and vote; <see cref="OnBehalfOf"/> is whom a delegate or a transferee acts for.</summary>
public sealed class ApprovalVote
{
    public Guid Task { get; set; }
    public Guid Assignee { get; set; }
    public Guid? OnBehalfOf { get; set; }
    public int Step { get; set; }
    public string Status { get; set; } = Approvals.ApprovalTaskStatus.Pending;
    public string? Comment { get; set; }
}
