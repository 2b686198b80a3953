namespace Platform.Workflows.Activities.Approval;

/// <summary>How an Approval's votes decide it.</summary>
public static class ApprovalModes
{
    public const string Any = "any";
    public const string All = "all";
    public const string Sequence = "sequence";
    public const string Quorum = "quorum";

    public static IReadOnlyList<string> Names { get; } = [Any, All, Sequence, Quorum];
}
