using System.Diagnostics;
using System.Net;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// A bulk create is batch-shaped on PostgreSQL: the statements it sends (lookup and unique checks, autonumbers, the
/// rows, their audit entries and outbox events) do not grow with the number of records. Counted through Npgsql's
/// activity source, for the request's own trace only (sent as its traceparent), so concurrent tests and the host's
/// background work (outbox delivery, script run logs) are not counted.
/// </summary>
public sealed class BulkStatementCountTests(PostgresApiHost host) : IClassFixture<PostgresApiHost>
{
    [Fact]
    public async Task A_bulk_create_sends_as_many_statements_for_200_and_for_1000_opportunities_as_for_100()
    {
        var tenant = await host.CreateTenantAsync();
        var account = (await ExpectAsync(await host.Client.PostAsync($"/api/{tenant}/data/account", Body(new { name = "Acme" })), HttpStatusCode.Created)).Id();
        // The first batch fills the tenant's caches (definitions, prepared scripts); it is not counted.
        await BulkAsync(tenant, account, 0, 100, null);

        // Each size's fewest of three: a request may also refresh a cache that expired (the tenant's status, the
        // caller's privileges), which is a read per interval, not per record.
        var hundred = await FewestStatementsAsync(tenant, account, 100, first: 100);
        var twoHundred = await FewestStatementsAsync(tenant, account, 200, first: 1000);
        // Past 500 values the unique check no longer splits into a second query (one array parameter takes them all).
        var thousand = await FewestStatementsAsync(tenant, account, 1000, first: 2000);

        // Measured: 6 for 100, 200 and 1,000 records alike.
        Assert.InRange(hundred, 3, 12);
        Assert.Equal(hundred, twoHundred);
        Assert.Equal(hundred, thousand);
    }

    private async Task<int> FewestStatementsAsync(string tenant, Guid account, int count, int first)
    {
        var fewest = int.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var start = first + attempt * count;
            fewest = Math.Min(fewest, await CountStatementsAsync(trace => BulkAsync(tenant, account, start, count, trace)));
        }
        return fewest;
    }

    private async Task BulkAsync(string tenant, Guid account, int first, int count, ActivityTraceId? trace)
    {
        var records = Enumerable.Range(first, count).Select(i => new
        {
            name = $"Deal {i}",
            account,
            stage = i % 2 == 0 ? "won" : "prospecting",
            amount = 1000m + i,
            close_date = "2027-01-15",
            contact_email = $"contact{i}@example.com",
            tags = i % 3 == 0 ? new[] { "key" } : [],
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/{tenant}/data/opportunity/bulk") { Content = Body(new { records }) };
        // W3C trace context: the host's request activity, and so every command it runs, joins this trace.
        if (trace is { } id) request.Headers.Add("traceparent", $"00-{id.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var result = await ExpectAsync(await host.Client.SendAsync(request), HttpStatusCode.OK);
        Assert.Equal(count, result.GetProperty("created").GetInt32());
    }

    /// <summary>The Npgsql commands run while serving the request that <paramref name="send"/> makes in the given trace.</summary>
    private static async Task<int> CountStatementsAsync(Func<ActivityTraceId, Task> send)
    {
        var trace = ActivityTraceId.CreateRandom();
        var count = 0;
        using var listener = new ActivityListener
        {
            // The host's request activity must exist for Npgsql's to be its children: listen to both.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStarted = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == trace) Interlocked.Increment(ref count);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await send(trace);
        return Volatile.Read(ref count);
    }
}
