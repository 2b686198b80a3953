using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;
using Platform.Querying;
using Platform.Records;
using Platform.Storage.Providers;

namespace Platform.Benchmarks.Cases;

/// <summary>
/// Prints the statements the list page sends for each side of the permissions case (deterministic, unlike req/s): the
/// same translated query through <see cref="RecordService.QueryAsync"/> in-process, as an actor with the scoped
/// user's role and unit, and as the system (the bypass). Paste a statement into EXPLAIN on a <c>--keep</c> database.
/// </summary>
public static class PermissionsStatements
{
    public static async Task PrintAsync(BenchHost host, BenchTenant tenant, string entity, string queryString)
    {
        var records = host.Services.GetRequiredService<RecordService>();
        var options = QueryOptions.From(QueryHelpers.ParseQuery(queryString).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));
        var query = new ODataQueryTranslator(tenant.Runtime.Model).Translate(entity, options).Query ?? throw new InvalidOperationException($"the list query {queryString} does not translate");
        var scoped = new RecordActor(Guid.NewGuid()) { Roles = ["sales-manager"], BusinessUnit = BenchBusinessUnits.Scoped };
        foreach (var (side, actor) in new[] { ("permissions on", scoped), ("bypassed", RecordActor.System) })
        {
            var counter = StatementCount.BeginWithText();
            await records.QueryAsync(tenant.Runtime, query, actor, CancellationToken.None);
            Console.WriteLine($"     {side}: {counter.Statements} statement(s) per list page");
            foreach (var sql in counter.Texts!) Console.WriteLine("       " + sql);
        }
    }
}
