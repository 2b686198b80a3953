using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Records;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Schema;

/// <summary>The unordered set lookup a bulk create's checks use (which of these values are stored), on both databases.</summary>
public abstract partial class SchemaIntegrationTests
{
    private static EntityDefinition Member { get; } = Entity("member", Text("email", 200) with { Unique = true }, Text("city", 50));

    private static DefinitionSet Members { get; } = Set(Member);

    [Fact]
    public async Task An_unordered_lookup_returns_every_stored_row_of_the_values_however_many()
    {
        await Tenant.ApplyOkAsync(Members);
        var store = new RecordStore(Tenant.Database, PhysicalModelBuilder.Build(Members, Tenant.Provider));
        var now = DateTime.UtcNow;
        // More rows than the COPY threshold and more values than one IN list of parameters takes elsewhere.
        var rows = Enumerable.Range(0, 700).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [SystemFields.Id] = Guid.CreateVersion7(), ["email"] = $"m{i}@example.com", ["city"] = i % 2 == 0 ? "Paris" : "Rome",
            [SystemFields.CreatedAt] = now, [SystemFields.ModifiedAt] = now, [SystemFields.RowVersion] = 1L,
        }).ToList();
        await using (var write = await store.OpenAsync(write: true, CancellationToken.None))
        {
            await store.InsertAsync(write, "member", rows, CancellationToken.None);
            await write.CommitAsync(CancellationToken.None);
        }

        // m100 to m799: the 600 up to m699 are stored, the last 100 never were.
        var wanted = Enumerable.Range(100, 700).Select(i => (object?)$"m{i}@example.com").ToList();
        await using var session = await store.OpenAsync(write: false, CancellationToken.None);
        var page = await store.QueryAsync(session, new RecordQuery("member")
        {
            Filter = new InNode("email", wanted), Select = ["email"], Top = wanted.Count, Unordered = true,
        }, CancellationToken.None);

        var expected = rows.Skip(100).ToDictionary(r => (string)r["email"]!, r => (Guid)r[SystemFields.Id]!);
        Assert.Equal(600, page.Rows.Count);
        Assert.False(page.HasMore);
        Assert.All(page.Rows, row => Assert.Equal(expected[(string)row["email"]!], (Guid)row[SystemFields.Id]!));
        Assert.Equal(expected.Keys.Order(), page.Rows.Select(r => (string)r["email"]!).Order());
        Assert.All(page.Rows, row => Assert.False(row.ContainsKey("city")));
    }

    [Fact]
    public async Task An_unordered_lookup_refuses_an_order_a_position_or_a_count()
    {
        await Tenant.ApplyOkAsync(Members);
        var store = new RecordStore(Tenant.Database, PhysicalModelBuilder.Build(Members, Tenant.Provider));
        await using var session = await store.OpenAsync(write: false, CancellationToken.None);
        var lookup = new RecordQuery("member") { Filter = new InNode("email", ["a@example.com"]), Unordered = true };

        foreach (var wrong in new[]
                 {
                     lookup with { OrderBy = [new OrderTerm("email")] }, lookup with { Skip = 1 },
                     lookup with { After = [Guid.Empty] }, lookup with { Count = CountMode.Exact },
                 })
            await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync(session, wrong, CancellationToken.None));
    }
}
