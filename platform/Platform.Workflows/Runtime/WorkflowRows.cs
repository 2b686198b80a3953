namespace Platform.Workflows.Runtime;

public sealed record InstanceRow(
    Guid Id, string WorkflowId, long Version, string Status, string? Entity, Guid? RecordId, string State,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt);

public sealed record BookmarkRow(Guid Id, Guid InstanceId, string ActivityId, string Name, DateTime? DueAt);

/// <param name="Event">started, completed, suspended, resumed, faulted, cancelled, retried, finished.</param>
public sealed record JournalEntry(long Sequence, string? ActivityId, string? ActivityType, string Event, string? Outcome, string? Summary, DateTime At);

public sealed record IncidentRow(Guid Id, Guid InstanceId, string ActivityId, string Error, DateTime CreatedAt, DateTime? ResolvedAt, string? Resolution);

/// <summary>What one step writes besides the instance's state, in the same transaction.</summary>
public sealed class StepChanges
{
    public List<BookmarkRow> CreatedBookmarks { get; } = [];
    public List<Guid> DeletedBookmarks { get; } = [];
    /// <summary>Activities whose every bookmark goes (one that waited on several completed, or its branch was cancelled).</summary>
    public List<string> ClearedActivities { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public IncidentRow? Incident { get; set; }
    /// <summary>Set by retry and cancel: open incidents of the instance are closed with this resolution.</summary>
    public string? ResolveIncidents { get; set; }
}
