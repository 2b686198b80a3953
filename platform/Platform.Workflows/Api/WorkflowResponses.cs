using System.Text.Json.Nodes;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Api;

/// <summary>The JSON shapes the workflow endpoints answer.</summary>
internal static class WorkflowResponses
{
    public static object Instance(InstanceRow row, InstanceState state) => new
    {
        id = row.Id, workflow = row.WorkflowId, version = row.Version, status = row.Status, entity = row.Entity, recordId = row.RecordId,
        createdAt = row.CreatedAt, updatedAt = row.UpdatedAt, finishedAt = row.FinishedAt,
        waitingAt = state.Waiting.Keys.ToList(), path = state.Path,
    };

    public static object Journal(JournalEntry entry) => new
    {
        sequence = entry.Sequence, activity = entry.ActivityId, type = entry.ActivityType, @event = entry.Event, outcome = entry.Outcome,
        summary = entry.Summary is null ? null : JsonNode.Parse(entry.Summary), at = entry.At,
    };

    public static object Incident(IncidentRow incident) => new
    {
        id = incident.Id, activity = incident.ActivityId, error = incident.Error, createdAt = incident.CreatedAt,
        resolvedAt = incident.ResolvedAt, resolution = incident.Resolution,
    };
}
