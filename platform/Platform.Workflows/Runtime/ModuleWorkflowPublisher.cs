using System.Collections.Concurrent;
using Platform.Metadata.Kinds;
using Platform.Runtime;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Publishes the workflows of a tenant's applied modules: each <c>workflows/&lt;id&gt;.json</c> becomes the workflow's
/// next version unless it equals the newest one. Runs once per definitions version of a tenant (a module apply changes
/// the version), before anything reads published workflows, and from every host's poll, so applying a module through
/// the CLI or another host publishes too.
/// </summary>
public sealed class ModuleWorkflowPublisher(IEnumerable<DocumentKind> kinds)
{
    private readonly WorkflowKind _kind = kinds.OfType<WorkflowKind>().FirstOrDefault() ?? new WorkflowKind();
    private readonly ConcurrentDictionary<string, string> _published = new();

    public async Task EnsureAsync(TenantRuntime runtime, CancellationToken ct)
    {
        var version = runtime.Definitions.Version;
        if (_published.TryGetValue(runtime.Id, out var done) && done == version) return;
        foreach (var workflow in runtime.Definitions.Documents(_kind))
            await WorkflowDefinitionStore.PublishAsync(runtime, workflow.Id, workflow.ToJson(), ct);
        _published[runtime.Id] = version;
    }
}
