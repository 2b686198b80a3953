using Platform.Metadata.Definitions;
using Platform.Querying;
using Platform.Records;
using Platform.Runtime;

namespace Platform.Api.Records;

/// <summary>What $select and $expand add to a response: the fields to write and the records expanded lookups point to.</summary>
internal static class RecordExpansion
{
    /// <summary>The fields a $select writes: the id always comes first.</summary>
    public static List<string> OutputFields(IReadOnlyList<string> select)
    {
        var fields = new List<string> { SystemFields.Id };
        fields.AddRange(select.Where(s => s != SystemFields.Id));
        return fields;
    }

    /// <summary>The $select of each expanded lookup, as the writer wants it (null: every field).</summary>
    public static Dictionary<string, IReadOnlyList<string>?> ExpandedFields(IReadOnlyList<ExpandedLookup> expand) =>
        expand.ToDictionary(e => e.Field, e => e.Select is null ? null : (IReadOnlyList<string>)OutputFields(e.Select));

    /// <summary>Per expanded lookup, the referenced records the actor may read, by id: one query per lookup, not one per row.</summary>
    public static async Task<Dictionary<string, Dictionary<Guid, IReadOnlyDictionary<string, object?>?>>> ExpandAsync(
        TenantRuntime runtime, RecordService records, RecordActor actor, IReadOnlyList<ExpandedLookup> expand,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        var result = new Dictionary<string, Dictionary<Guid, IReadOnlyDictionary<string, object?>?>>();
        foreach (var lookup in expand)
        {
            var ids = rows.Select(r => r.GetValueOrDefault(lookup.Field)).OfType<Guid>().Distinct().ToList();
            var targets = await records.GetManyAsync(runtime, lookup.Target, ids, lookup.Select, actor, ct);
            result[lookup.Field] = targets.ToDictionary(t => (Guid)t[SystemFields.Id]!, t => (IReadOnlyDictionary<string, object?>?)t);
        }
        return result;
    }

    /// <summary>One row's expanded lookups: the referenced record, or null when it is gone or out of the reader's sight.</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, object?>?>? For(
        IReadOnlyDictionary<string, object?> row, Dictionary<string, Dictionary<Guid, IReadOnlyDictionary<string, object?>?>> expansions) =>
        expansions.Count == 0 ? null : expansions.ToDictionary(
            e => e.Key,
            e => row.GetValueOrDefault(e.Key) is Guid id ? e.Value.GetValueOrDefault(id) : null);
}
