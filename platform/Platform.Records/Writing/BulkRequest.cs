using System.Text.Json;

namespace Platform.Records.Writing;

public enum BulkMode { Create, Upsert }

/// <summary>A batch of up to <see cref="MaxRecords"/> records, written all or nothing.</summary>
/// <param name="Key">Upsert only: the field that identifies an existing record ("id" or a unique field).</param>
public sealed record BulkRequest(BulkMode Mode, string? Key, IReadOnlyList<JsonElement> Records)
{
    public const int MaxRecords = 1000;
}

public sealed record BulkResult(int Created, int Updated, IReadOnlyList<Guid> Ids);
