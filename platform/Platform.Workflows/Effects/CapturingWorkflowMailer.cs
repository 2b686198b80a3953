using System.Collections.Concurrent;

namespace Platform.Workflows.Effects;

/// <summary>Keeps the emails workflows send, per tenant, instead of sending them (tests; hosts before messaging is wired).</summary>
public sealed class CapturingWorkflowMailer : IWorkflowMailer
{
    private readonly ConcurrentQueue<WorkflowEmail> _sent = new();

    public IReadOnlyList<WorkflowEmail> Sent(string tenant) => _sent.Where(e => e.Tenant == tenant).ToList();

    public Task SendAsync(WorkflowEmail email, CancellationToken ct)
    {
        _sent.Enqueue(email);
        return Task.CompletedTask;
    }
}
