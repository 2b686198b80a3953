using System.Collections.Concurrent;

namespace Platform.Workflows.Effects;

/// <summary>Keeps workflow notifications per tenant (tests; hosts before messaging is wired).</summary>
public sealed class CapturingWorkflowNotifier : IWorkflowNotifier
{
    private readonly ConcurrentQueue<WorkflowNotification> _sent = new();

    public IReadOnlyList<WorkflowNotification> Sent(string tenant) => _sent.Where(n => n.Tenant == tenant).ToList();

    public Task NotifyAsync(WorkflowNotification notification, CancellationToken ct)
    {
        _sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}
