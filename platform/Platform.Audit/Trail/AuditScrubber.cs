using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Audit.Trail;

/// <summary>
/// Removes erased personal values from a record's earlier audit entries (their old and new values become
/// "[erased]"), so an erasure does not leave the data in the trail. The only change ever made to written entries,
/// and only by the platform itself: no API route updates or deletes audit entries.
/// </summary>
public static class AuditScrubber
{
    /// <summary>
    /// Scrubs <paramref name="fields"/> of the record's earlier entries. Entries keep the names they were written with,
    /// so entries written before the entity or a field was renamed are found by the previous name (<c>renamedFrom</c>) too.
    /// </summary>
    public static async Task<int> ScrubAsync(
        RecordStore store, RecordSession session, EntityDefinition entity, Guid recordId, IReadOnlyCollection<string> fields, CancellationToken ct)
    {
        if (fields.Count == 0) return 0;
        var names = fields.Concat(fields.Select(f => entity.FindField(f)?.RenamedFrom).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        var scrubbed = new List<(Guid Id, string Changes)>();
        foreach (var entityName in new[] { entity.Name, entity.RenamedFrom }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            AuditCursor? after = null;
            do
            {
                var page = await AuditReader.ReadAsync(store, session, new AuditQuery { Entity = entityName, RecordId = recordId, Top = AuditQuery.MaxTop, After = after }, ct);
                foreach (var entry in page.Entries)
                {
                    if (entry.Changes is { } changes && Scrub(changes, names)) scrubbed.Add((entry.Id, changes.ToJsonString()));
                }
                after = page.Next;
            } while (after is not null);
        }

        var table = store.Table(AuditTables.Audit);
        var dialect = store.Database.Dialect;
        var sql = $"UPDATE {dialect.Table(table.Name, store.Database.Schema)} SET {dialect.Quote("changes")} = @p0 WHERE {dialect.Quote("id")} = @p1";
        // A record has few entries; a command per entry lets each parameter take its type from its value (a uuid on PostgreSQL).
        foreach (var (id, changes) in scrubbed)
        {
            await using var command = session.Command(sql);
            command.AddParameter("@p0", changes);
            command.AddParameter("@p1", ColumnValueCodec.ToDb(table.Column("id"), id, dialect.Provider));
            await command.ExecuteNonQueryAsync(ct);
        }
        return scrubbed.Count;
    }

    private static bool Scrub(JsonObject changes, IReadOnlyCollection<string> fields)
    {
        var changed = false;
        foreach (var field in fields)
        {
            if (changes[field] is not JsonObject values) continue;
            foreach (var side in new[] { "old", "new" })
            {
                if (values[side] is { } value && !(value is JsonValue v && v.TryGetValue<string>(out var s) && s is AuditValues.Erased or AuditValues.Encrypted))
                {
                    values[side] = AuditValues.Erased;
                    changed = true;
                }
            }
        }
        return changed;
    }
}
