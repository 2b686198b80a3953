using Platform.Records;
using Platform.Records.Security;
using Platform.Runtime;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Triggers;

/// <summary>
/// Whose identity an instance's record activities use: the workflow's <c>runAs</c> role when it names one, else the
/// user whose write (or request) started it, with that user's roles, teams and business unit now.
/// </summary>
public sealed class WorkflowActors(IUserDirectory? directory = null)
{
    public static RecordActor RunAs(WorkflowDefinition definition, RunAs runAs) =>
        new((Guid?)null) { Name = $"workflow:{definition.Id}", Roles = [runAs.Role] };

    public async Task<RecordActor> ForTriggerAsync(TenantRuntime runtime, WorkflowDefinition definition, Guid? userId, CancellationToken ct)
    {
        if (definition.RunAs is { } runAs) return RunAs(definition, runAs);
        // A write without a user is the platform's own (seeding, installers): the workflow acts as the platform too.
        if (userId is not { } id) return RecordActor.System;
        var user = directory is null ? null : await directory.FindAsync(runtime, id, ct);
        return user is null
            ? new RecordActor(id)
            : new RecordActor(id) { Name = user.UserName, Roles = user.Roles, Teams = user.Teams, BusinessUnit = user.BusinessUnit };
    }
}
