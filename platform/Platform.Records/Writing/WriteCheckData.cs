using Platform.Metadata.Definitions;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Records.Writing;

/// <summary>
/// What the write checks of a batch of creates need from the database, read up front with one query per lookup
/// target and unique field (per 500 values where each is a parameter; all at once where they travel as one array
/// parameter) instead of two queries per record. Valid while the batch writes nothing before its final insert, as a
/// bulk create does.
/// </summary>
internal sealed class WriteCheckData
{
    /// <summary>Values per query where each value is a parameter of an IN list.</summary>
    private const int ValuesPerQuery = 500;

    /// <summary>Values per query where the list is one array parameter (PostgreSQL): a whole batch's in one.</summary>
    private const int ValuesPerArrayQuery = 10_000;

    private readonly Dictionary<string, HashSet<Guid>> _existingIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<object, Guid>> _takenValues = new(StringComparer.Ordinal);

    /// <summary>Reads the data; null on databases whose comparisons may differ from .NET equality (SQL Server collations).</summary>
    public static async Task<WriteCheckData?> ReadAsync(
        WriterSight writer, RecordSession session, EntityDefinition entity, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        var store = writer.Store;
        if (!store.Database.Dialect.ComparesLikeDotNet) return null;
        var data = new WriteCheckData();
        var perQuery = store.Database.Dialect.ArrayParameters ? ValuesPerArrayQuery : ValuesPerQuery;
        foreach (var group in entity.Fields.Where(f => f.Type.Descriptor.IsReference).GroupBy(f => f.Target!))
        {
            var ids = group.SelectMany(f => rows.Select(r => r.GetValueOrDefault(f.Name))).OfType<Guid>().Distinct().ToList();
            var existing = new HashSet<Guid>();
            foreach (var chunk in ids.Chunk(perQuery)) existing.UnionWith(await writer.ReadableIdsAsync(session, group.Key, chunk, ct));
            data._existingIds[group.Key] = existing;
        }
        foreach (var field in entity.Fields.Where(f => f.Unique))
        {
            var values = rows.Select(r => r.GetValueOrDefault(field.Name)).OfType<object>().Distinct().ToList();
            var taken = new Dictionary<object, Guid>();
            foreach (var chunk in values.Chunk(perQuery))
            {
                var query = new RecordQuery(entity.Name) { Filter = new InNode(field.Name, chunk), Select = [field.Name], Top = chunk.Length, Unordered = true };
                foreach (var row in (await store.QueryAsync(session, query, ct)).Rows)
                    if (row[field.Name] is { } value) taken.TryAdd(value, (Guid)row[SystemFields.Id]!);
            }
            data._takenValues[field.Name] = taken;
        }
        return data;
    }

    /// <summary>Whether the lookup target exists and the writer may read it.</summary>
    public bool Exists(string target, Guid id) => _existingIds[target].Contains(id);

    /// <summary>The record holding <paramref name="value"/> in a unique field, other than <paramref name="selfId"/>.</summary>
    public Guid? TakenBy(string field, object value, Guid? selfId) =>
        _takenValues[field].TryGetValue(value, out var id) && id != selfId ? id : null;
}
