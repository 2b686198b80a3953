using System.Text.Json.Nodes;

namespace Platform.Workflows.Effects;

/// <summary>In-app notifications from workflows; implemented by the messaging feature at integration.</summary>
public interface IWorkflowNotifier
{
    Task NotifyAsync(WorkflowNotification notification, CancellationToken ct);
}

public sealed record WorkflowNotification(string Tenant, Guid? InstanceId, IReadOnlyList<string> Users, string Message, JsonObject Model);
