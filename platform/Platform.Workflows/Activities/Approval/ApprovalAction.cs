using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Workflows.Activities.Approval;

/// <summary>
/// A stimulus for an Approval, delivered as the payload of the task's bookmark: who did what on which task.
/// <see cref="To"/> is where a return goes (submitter, previous); <see cref="Target"/> the user a transfer or an added
/// approver names, <see cref="Position"/> whether the added approver comes before or after the caller.
/// </summary>
public sealed record ApprovalAction(string Action, Guid Task, Guid User, string? Comment, string? To = null, Guid? Target = null, string? Position = null)
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Return = "return";
    public const string Transfer = "transfer";
    public const string AddApprover = "addApprover";
    public const string Withdraw = "withdraw";

    public const string ToSubmitter = "submitter";
    public const string ToPrevious = "previous";
    public const string Before = "before";
    public const string After = "after";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public JsonNode ToPayload() => JsonSerializer.SerializeToNode(this, Options)!;

    public static ApprovalAction? From(JsonNode? payload) => payload is JsonObject ? payload.Deserialize<ApprovalAction>(Options) : null;
}
