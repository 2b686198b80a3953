using System.Collections.Concurrent;
using System.Data.Common;
using Platform.Metadata.Kinds;
using Platform.Runtime;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Publishes the workflows of a tenant's applied modules: each <c>workflows/&lt;id&gt;.json</c> becomes the workflow's
/// next version unless it equals the newest one. Runs once per definitions version of a tenant (a module apply changes
/// the version), before anything reads published workflows, and from every host's poll, so applying a module through
/// the CLI or another host publishes too. Callers of one host wait for each other per tenant; two hosts that race on
/// the same version lose one insert to the key, and the loser's second look finds the same document published.
/// </summary>
public sealed class ModuleWorkflowPublisher(IEnumerable<DocumentKind> kinds)
{
    private readonly WorkflowKind _kind = kinds.OfType<WorkflowKind>().FirstOrDefault() ?? new WorkflowKind();
    private readonly ConcurrentDictionary<string, string> _published = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    public async Task EnsureAsync(TenantRuntime runtime, CancellationToken ct)
    {
        var version = runtime.Definitions.Version;
        if (IsPublished(runtime.Id, version)) return;
        var gate = _gates.GetOrAdd(runtime.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (IsPublished(runtime.Id, version)) return;
            foreach (var workflow in runtime.Definitions.Documents(_kind))
                await PublishAsync(runtime, workflow.Id, workflow.ToJson(), ct);
            _published[runtime.Id] = version;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsPublished(string tenant, string version) => _published.TryGetValue(tenant, out var done) && done == version;

    private static async Task PublishAsync(TenantRuntime runtime, string workflowId, string json, CancellationToken ct)
    {
        try
        {
            await WorkflowDefinitionStore.PublishAsync(runtime, workflowId, json, ct);
        }
        catch (DbException) when (!ct.IsCancellationRequested)
        {
            // Another host inserted the same version first: looking again finds it equal (nothing to do) or newer.
            await WorkflowDefinitionStore.PublishAsync(runtime, workflowId, json, ct);
        }
    }
}
