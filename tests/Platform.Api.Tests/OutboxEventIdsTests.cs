using Platform.Records.Outbox;

namespace Platform.Api.Tests;

public sealed class OutboxEventIdsTests
{
    [Fact]
    public void Ids_made_at_one_instant_sort_in_the_order_they_were_made()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 1000).Select(_ => OutboxEventIds.Next(now)).ToList();

        Assert.Equal(ids, ids.Order());
        // The same order as text, which is how SQLite compares the stored ids.
        Assert.Equal(ids.Select(i => i.ToString()), ids.Select(i => i.ToString()).Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal(7, id.Version));
    }
}
