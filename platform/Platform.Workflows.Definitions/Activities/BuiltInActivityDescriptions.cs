namespace Platform.Workflows.Activities;

/// <summary>The descriptions of the activity types the platform ships (their executing types derive from them).</summary>
public static class BuiltInActivityDescriptions
{
    public static IReadOnlyList<IActivityDescription> All { get; } =
    [
        new IfDescription(), new SwitchDescription(), new ForkDescription(), new JoinDescription(), new SetVariableDescription(), new RunScriptDescription(),
        new CreateRecordDescription(), new UpdateRecordDescription(), new QueryRecordsDescription(), new SendEmailDescription(), new NotifyDescription(),
        new CreateTaskDescription(), new DelayDescription(), new WaitUntilDescription(), new HttpRequestDescription(), new FinishDescription(), new FaultDescription(),
        new Approval.ApprovalDescription(),
    ];
}
