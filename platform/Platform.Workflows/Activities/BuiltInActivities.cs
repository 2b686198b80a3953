namespace Platform.Workflows.Activities;

/// <summary>The activity types the platform ships, registered by <see cref="WorkflowServices.AddPlatformWorkflows"/>.</summary>
public static class BuiltInActivities
{
    public static IReadOnlyList<IActivityType> All { get; } =
    [
        new IfActivity(), new SwitchActivity(), new ForkActivity(), new JoinActivity(), new SetVariableActivity(), new RunScriptActivity(),
        new CreateRecordActivity(), new UpdateRecordActivity(), new QueryRecordsActivity(), new SendEmailActivity(), new NotifyActivity(),
        new CreateTaskActivity(), new DelayActivity(), new WaitUntilActivity(), new HttpRequestActivity(), new FinishActivity(), new FaultActivity(),
        new Approval.ApprovalActivity(),
    ];
}
