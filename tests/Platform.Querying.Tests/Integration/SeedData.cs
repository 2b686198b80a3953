using Platform.Storage.Records;

namespace Platform.Querying.Tests.Integration;

/// <summary>
/// Known rows: a dozen opportunities whose names say what they test (LIKE wildcards, quotes, backslashes, case),
/// and 1,500 items, 500 of them in batch "p" with nullable, tied sort values for paging.
/// </summary>
public static class SeedData
{
    public static readonly Guid Acme = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid Globex = Guid.Parse("22222222-2222-4222-8222-222222222222");

    public const int PagingRows = 500;
    public const int ItemRows = 1500;

    public static readonly IReadOnlyList<string> OpportunityNames =
    [
        "Alpha deal", "Beta deal", "Gamma", "50% off", "50 percent off", "a_b", "axb", "O'Brien", "back\\slash", "backslash", "MiXeD Case",
    ];

    public static async Task InsertAsync(RecordStore store)
    {
        var ct = CancellationToken.None;
        await using var session = await store.OpenAsync(true, ct);
        await InsertAsync(store, session, "account",
        [
            Row(Acme, ("name", "Acme"), ("industry", "tech")),
            Row(Globex, ("name", "Globex"), ("industry", "retail")),
        ]);
        await InsertAsync(store, session, "opportunity", Opportunities());
        await InsertAsync(store, session, "item", Items());
        await session.CommitAsync(ct);
    }

    /// <summary>
    /// Leaves null columns out (they default to NULL), so the rows are inserted in groups that set the same columns:
    /// RecordStore.InsertAsync takes the columns of the first row for all of them.
    /// </summary>
    private static async Task InsertAsync(RecordStore store, RecordSession session, string entity, IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var groups = rows
            .Select(r => (IReadOnlyDictionary<string, object?>)r.Where(p => p.Value is not null).ToDictionary())
            .GroupBy(r => string.Join(",", r.Keys.Order(StringComparer.Ordinal)));
        foreach (var group in groups) await store.InsertAsync(session, entity, group.ToList(), CancellationToken.None);
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Opportunities()
    {
        yield return Opportunity("Alpha deal", 1500.00m, 0.75m, 10, true, new DateOnly(2024, 1, 15), Utc(2024, 1, 15, 10), "won", ["hot", "vip"], Acme, "First");
        yield return Opportunity("Beta deal", 200.50m, 0.10m, 3, false, new DateOnly(2024, 3, 1), Utc(2024, 3, 1, 0), "lost", ["cold"], Globex, null);
        yield return Opportunity("Gamma", null, null, null, null, null, null, null, null, null, "Gamma desc");
        yield return Opportunity("50% off", 50m, null, 5, null, null, null, "new", ["50%_off"], Acme, null);
        yield return Opportunity("50 percent off", 50m, null, 5, null, null, null, "new", [], null, null);
        yield return Opportunity("a_b", null, null, 7, null, null, null, null, null, null, null);
        yield return Opportunity("axb", null, null, 7, null, null, null, null, null, null, null);
        yield return Opportunity("O'Brien", null, null, 8, null, null, null, null, null, null, null);
        yield return Opportunity("back\\slash", null, null, 9, null, null, null, null, null, null, null);
        yield return Opportunity("backslash", null, null, 9, null, null, null, null, null, null, null);
        yield return Opportunity("MiXeD Case", null, null, 11, null, null, null, null, null, null, null);
    }

    private static IReadOnlyDictionary<string, object?> Opportunity(
        string name, decimal? amount, decimal? probability, long? score, bool? won, DateOnly? closeDate, DateTime? closedAt,
        string? stage, string[]? tags, Guid? account, string? description) =>
        Row(Guid.NewGuid(), ("name", name), ("amount", amount), ("probability", probability), ("score", score), ("is_won", won),
            ("close_date", closeDate), ("closed_at", closedAt), ("stage", stage), ("tags", tags), ("account", account),
            ("description", description), ("email", null));

    /// <summary>Batch "p": nulls and ties in every sort column; batch "c": filler for counting.</summary>
    private static IEnumerable<IReadOnlyDictionary<string, object?>> Items()
    {
        var start = Utc(2024, 1, 1, 0);
        for (var i = 0; i < ItemRows; i++)
        {
            if (i >= PagingRows)
            {
                yield return Row(Guid.NewGuid(), ("batch", "c"), ("rank", (long)i), ("label", null), ("due", null), ("price", null), ("flag", null), ("seen_at", null), ("ref", null));
                continue;
            }
            yield return Row(Guid.NewGuid(),
                ("batch", "p"),
                ("rank", i % 7 == 0 ? null : (long)(i % 13)),
                ("label", i % 5 == 0 ? null : $"L{i % 17:00}"),
                ("due", i % 4 == 0 ? null : new DateOnly(2024, 1, 1).AddDays(i % 10)),
                ("price", i % 3 == 0 ? null : (i % 11) * 1.5m),
                ("flag", i % 6 == 0 ? null : i % 2 == 0),
                ("seen_at", i % 9 == 0 ? null : start.AddMinutes(i % 20).AddMilliseconds(i % 3)),
                ("ref", i % 8 == 0 ? null : i % 2 == 0 ? Acme : Globex));
        }
    }

    private static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, object?> Row(Guid id, params (string Field, object? Value)[] values)
    {
        var now = DateTime.UtcNow;
        var row = new Dictionary<string, object?>
        {
            ["id"] = id, ["created_at"] = now, ["modified_at"] = now, ["row_version"] = 1L,
            ["created_by"] = null, ["modified_by"] = null, ["owner"] = null,
        };
        foreach (var (field, value) in values) row[field] = value;
        return row;
    }
}
