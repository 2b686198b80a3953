using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Records.Writing;

/// <summary>Answers kept for <c>Idempotency-Key</c> retries (see <see cref="IdempotencyStore"/>).</summary>
public sealed class IdempotencyTables : IPlatformTables
{
    public const string Idempotency = "platform_idempotency";

    public IReadOnlyList<TableModel> Tables { get; } =
    [
        new(Idempotency,
        [
            new("key", ValueKind.String, typeof(string), false, MaxLength: 200),
            new("request_hash", ValueKind.String, typeof(string), false, MaxLength: 64),
            new("status", ValueKind.Integer, typeof(long), false),
            new("location", ValueKind.String, typeof(string), true, MaxLength: 400),
            new("response", ValueKind.String, typeof(string), true),
            new("created_at", ValueKind.DateTime, typeof(DateTime), false),
        ], ["key"], [new IndexModel("ix_platform_idempotency_created_at", ["created_at"], false)], []),
    ];
}
