using Platform.Metadata.Definitions.Security;
using Platform.Records.Security;
using Platform.Records.Transactions;
using Platform.Runtime;
using Platform.Storage.Records;
using Platform.Storage.Records.Aggregates;

namespace Platform.Records;

/// <summary>Grouped reads ($apply): bounded by the reader like every read.</summary>
public sealed partial class RecordService
{
    /// <summary>
    /// Groups and aggregates the records the actor may read, in the database: the read scope is ANDed into the WHERE
    /// before grouping, so a user who sees only their own records aggregates only those. Fields the actor sees masked
    /// or not at all cannot be grouped, aggregated or computed (the result would reveal them).
    /// </summary>
    public async Task<AggregatePage> AggregateAsync(TenantRuntime runtime, AggregateQuery query, RecordActor actor, CancellationToken ct)
    {
        Entity(runtime, query.Entity);
        var access = RecordSecurity.Access(runtime, actor, query.Entity);
        CheckAggregatable(access, query);
        RecordSecurity.CheckQueryable(access, new RecordQuery(query.Entity) { Filter = query.Filter });
        if (query.Filter is not null) query = query with { Filter = await _security.ResolveRelatedAsync(runtime, actor, query.Filter, ct) };
        if (await _security.ScopeFilterAsync(runtime, actor, query.Entity, Privilege.Read, ct) is { } scope)
            query = query with { Filter = query.Filter is null ? scope : new AndNode(query.Filter, scope) };
        return await RecordScope.ReadAsync(runtime, async session =>
            await AggregateReader.QueryAsync(runtime.Store, session, query with { Filter = await UnusedShares.PruneAsync(runtime, session, query.Filter, ct) }, ct), ct);
    }

    private static void CheckAggregatable(EntityAccess access, AggregateQuery query)
    {
        if (access.RestrictedFields.Count == 0) return;
        var uses = query.GroupBy.Select(k => (k.Field, Verb: k.Part is null ? "grouped by" : "computed"))
            .Concat(query.Aggregates.Where(a => a.Field is not null).Select(a => (Field: a.Field!, Verb: "aggregated")));
        foreach (var (field, verb) in uses)
        {
            var read = access.Field(field);
            if (read.Read != FieldRead.Full)
                throw new RecordQueryRefusedException("$apply", $"'{field}' cannot be {verb}: it is {read.Name} for your roles.");
        }
    }
}
