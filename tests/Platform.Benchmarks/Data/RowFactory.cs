using Platform.Metadata.Definitions;

namespace Platform.Benchmarks.Data;

/// <summary>
/// Deterministic accounts and opportunities. Every opportunity gets a distinct number and contact email (both
/// unique columns), so rows from the loader, the API and the raw baseline never collide.
/// </summary>
public sealed class RowFactory(int seed)
{
    public const string ListStage = "won";
    public const decimal ListMinAmount = 1000m;

    private static readonly string[] Stages = ["prospecting", "prospecting", "won", "lost"];
    private static readonly DateOnly FirstCloseDate = new(2024, 1, 1);
    private readonly Random _random = new(seed);
    private long _serial;

    /// <summary>The serial of the next opportunity (its number and email); set past any range already used.</summary>
    public long NextSerial { get => _serial; set => _serial = value; }

    public Dictionary<string, object?> Account(int i) => new()
    {
        [SystemFields.Id] = Guid.CreateVersion7(),
        ["name"] = $"Account {i:00000}",
        ["tier"] = i % 10 == 0 ? "vip" : "regular",
        ["industry"] = "technology",
        ["employees"] = (long)(10 + i % 500),
        ["city"] = "Springfield",
    };

    /// <summary>The fields an API client sends (no id, number or system fields).</summary>
    public Dictionary<string, object?> OpportunityFields(IReadOnlyList<Guid> accounts)
    {
        var serial = ++_serial;
        return new Dictionary<string, object?>
        {
            ["name"] = $"Deal {serial}",
            ["account"] = accounts[_random.Next(accounts.Count)],
            ["stage"] = Stages[_random.Next(Stages.Length)],
            ["amount"] = Math.Round((decimal)_random.Next(10_000, 50_000_000) / 100m, 2),
            ["probability"] = (long)_random.Next(0, 101),
            ["close_date"] = FirstCloseDate.AddDays(_random.Next(0, 1096)),
            ["tags"] = _random.Next(10) < 3 ? new[] { "key" } : Array.Empty<string>(),
            ["contact_email"] = $"contact{serial}@example.com",
            ["notes"] = _random.Next(4) == 0 ? "Follow up after the quarterly review." : null,
        };
    }

    /// <summary>A complete row as the platform would store it: fields plus id, number and system columns.</summary>
    public Dictionary<string, object?> Opportunity(IReadOnlyList<Guid> accounts, DateTime now)
    {
        var row = OpportunityFields(accounts);
        row[SystemFields.Id] = Guid.CreateVersion7();
        row["number"] = $"OPP-{_serial:00000}";
        return WithSystemFields(row, now, BenchBusinessUnits.For(_serial));
    }

    public static Dictionary<string, object?> WithSystemFields(Dictionary<string, object?> row, DateTime now, string businessUnit = "root")
    {
        row[SystemFields.CreatedAt] = now;
        row[SystemFields.CreatedBy] = null;
        row[SystemFields.ModifiedAt] = now;
        row[SystemFields.ModifiedBy] = null;
        row[SystemFields.Owner] = null;
        row[SystemFields.OwningBusinessUnit] = businessUnit;
        row[SystemFields.RowVersion] = 1L;
        return row;
    }
}
