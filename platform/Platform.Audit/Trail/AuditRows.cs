using System.Text.Json.Nodes;
using Platform.Storage.Physical;

namespace Platform.Audit.Trail;

/// <summary>Maps audit entries to rows of <see cref="AuditTables.Audit"/> and back.</summary>
internal static class AuditRows
{
    /// <summary>The length of <see cref="PlatformTables.Audit"/>'s actor_name column.</summary>
    private const int ActorNameLength = 200;

    public static IReadOnlyDictionary<string, object?> ToRow(AuditEntry entry) => ToRow(entry, entry.Changes?.ToJsonString());

    /// <summary>The row of <paramref name="entry"/> with its changes given as JSON text (<see cref="AuditChangesWriter"/>).</summary>
    public static IReadOnlyDictionary<string, object?> ToRow(AuditEntry entry, string? changes) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["id"] = entry.Id,
        ["occurred_at"] = entry.OccurredAt,
        ["action"] = entry.Action,
        ["actor_id"] = entry.ActorId,
        // The name may be what a caller typed (a failed sign-in's user name): clipped to the column, never failing the request.
        ["actor_name"] = entry.ActorName is { Length: > ActorNameLength } name ? name[..ActorNameLength] : entry.ActorName,
        ["client_address"] = entry.ClientAddress,
        ["entity"] = entry.Entity,
        ["record_id"] = entry.RecordId,
        ["changes"] = changes,
        ["details"] = entry.Details?.ToJsonString(),
    };

    public static AuditEntry FromRow(IReadOnlyDictionary<string, object?> row) => new(
        (Guid)row["id"]!,
        (DateTime)row["occurred_at"]!,
        (string)row["action"]!,
        (Guid?)row["actor_id"],
        (string?)row["actor_name"],
        (string?)row["client_address"],
        (string?)row["entity"],
        (Guid?)row["record_id"],
        row["changes"] is string changes ? JsonNode.Parse(changes)?.AsObject() : null,
        row["details"] is string details ? JsonNode.Parse(details)?.AsObject() : null);
}
