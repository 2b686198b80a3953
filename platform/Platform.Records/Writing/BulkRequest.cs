using System.Text.Json;

namespace Platform.Records.Writing;

public enum BulkMode { Create, Upsert }

/// <summary>A batch of up to <see cref="MaxRecords"/> records, written all or nothing.</summary>
/// <param name="Key">Upsert only: the field that identifies an existing record ("id" or a unique field).</param>
public sealed record BulkRequest(BulkMode Mode, string? Key, IReadOnlyList<JsonElement> Records)
{
    public const int MaxRecords = 1000;

    /// <summary>An Idempotency-Key: a repeat answers the first batch's result and writes nothing.</summary>
    public IdempotencyRequest? Idempotency { get; init; }
}

/// <param name="Replayed">The result of an earlier batch with the same Idempotency-Key; nothing was written now.</param>
public sealed record BulkResult(int Created, int Updated, IReadOnlyList<Guid> Ids, bool Replayed = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What an idempotent batch stores: counts and ids, no values.</summary>
    public string ToStoredJson() => JsonSerializer.Serialize(new Stored(Created, Updated, Ids), Json);

    public static BulkResult FromStoredJson(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new InvalidOperationException("An idempotent batch answer is empty.");
        return new BulkResult(stored.Created, stored.Updated, stored.Ids ?? [], Replayed: true);
    }

    private sealed record Stored(int Created, int Updated, IReadOnlyList<Guid>? Ids);
}
