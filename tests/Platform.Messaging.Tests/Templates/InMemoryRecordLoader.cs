using Platform.Templates;

namespace Platform.Messaging.Tests.Templates;

/// <summary>Related records by id; counts loads, so tests can tell which lookups a template made load.</summary>
internal sealed class InMemoryRecordLoader(params TemplateRecord[] records) : ITemplateRecordLoader
{
    public List<(string Entity, Guid Id)> Loads { get; } = [];

    public ValueTask<TemplateRecord?> LoadAsync(string entity, Guid id, CancellationToken ct)
    {
        Loads.Add((entity, id));
        return ValueTask.FromResult(records.FirstOrDefault(r => r.Entity == entity && r.Id == id));
    }
}
