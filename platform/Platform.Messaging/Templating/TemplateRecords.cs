using Platform.Metadata.Definitions;
using Platform.Runtime;
using Platform.Templates;

namespace Platform.Messaging.Templating;

/// <summary>A record row of the tenant as a template sees it: its values, and its lookup fields with their target entities.</summary>
public static class TemplateRecords
{
    public static TemplateRecord From(TenantRuntime runtime, string entity, IReadOnlyDictionary<string, object?> row)
    {
        var definition = runtime.FindEntity(entity) ?? throw new ArgumentException($"There is no entity '{entity}'.", nameof(entity));
        var lookups = definition.Fields
            .Where(f => f.Type.Descriptor.IsReference && f.Target is not null)
            .ToDictionary(f => f.Name, f => f.Target!, StringComparer.Ordinal);
        var id = row.GetValueOrDefault("id") switch
        {
            Guid guid => guid,
            string text when Guid.TryParse(text, out var parsed) => parsed,
            _ => Guid.Empty,
        };
        return new TemplateRecord(entity, id, row, lookups);
    }
}
