using Platform.Audit.Trail;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Records;
using Platform.Records.Events;

namespace Platform.Api.Tests;

/// <summary>The bulk path's audit text (<see cref="AuditChangesWriter"/>) is byte for byte what the node tree gives.</summary>
public sealed class AuditChangesWriterTests
{
    private static readonly EntityDefinition Entity = new()
    {
        Name = "deal",
        Fields =
        [
            new FieldDefinition { Name = "name", Type = FieldType.Text },
            new FieldDefinition { Name = "notes", Type = FieldType.LongText },
            new FieldDefinition { Name = "score", Type = FieldType.Integer },
            new FieldDefinition { Name = "rate", Type = FieldType.Decimal, Precision = 5, Scale = 2 },
            new FieldDefinition { Name = "amount", Type = FieldType.Currency },
            new FieldDefinition { Name = "won", Type = FieldType.Boolean },
            new FieldDefinition { Name = "close_date", Type = FieldType.Date },
            new FieldDefinition { Name = "closed_at", Type = FieldType.DateTime },
            new FieldDefinition { Name = "tags", Type = FieldType.MultiChoice },
            new FieldDefinition { Name = "account", Type = FieldType.Lookup, Target = "account" },
            new FieldDefinition { Name = "secret", Type = FieldType.Text, Encrypted = true },
            new FieldDefinition { Name = "empty", Type = FieldType.Text },
        ],
    };

    private static Dictionary<string, object?> Row(string name, long score, decimal rate, string[] tags) => new()
    {
        ["name"] = name,
        ["notes"] = "Ünïcødé 备注 <b>&\"quoted\"</b>\n\t\u2028",
        ["score"] = score,
        ["rate"] = rate,
        ["amount"] = 1234567.50m,
        ["won"] = true,
        ["close_date"] = new DateOnly(2027, 1, 15),
        ["closed_at"] = new DateTime(2026, 12, 5, 9, 30, 1, 250, DateTimeKind.Utc).AddTicks(7),
        ["tags"] = tags,
        ["account"] = Guid.Parse("0193a7e2-5b1c-7d4e-8f00-123456789abc"),
        ["secret"] = "not for the trail",
        ["empty"] = null,
    };

    public static TheoryData<RecordChangeKind> Kinds => [RecordChangeKind.Created, RecordChangeKind.Updated, RecordChangeKind.Deleted];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_written_changes_equal_the_node_tree_serialized(RecordChangeKind kind)
    {
        var before = Row("Old name", 3, 12.50m, ["key", "hot"]);
        var after = Row("新名字 'new'", 4, 12.5m, []);
        after["secret"] = "changed";
        after["notes"] = null;
        var change = new RecordChange(null!, Entity.Name, Guid.NewGuid(), kind,
            kind == RecordChangeKind.Created ? null : before, kind == RecordChangeKind.Deleted ? null : after, RecordActor.System);

        using var writer = new AuditChangesWriter();
        var written = writer.Write(change, Entity);

        Assert.Equal(AuditChanges.Of(change, Entity).ToJsonString(), written);
        Assert.Contains("[encrypted]", written);
        Assert.DoesNotContain("not for the trail", written);
        // The writer is reused across a batch: a second change starts from an empty buffer.
        Assert.Equal(written, writer.Write(change, Entity));
    }
}
