namespace Platform.Audit.Trail;

/// <summary>Which audit entries to list, newest first; every filter is optional.</summary>
public sealed record AuditQuery
{
    public const int MaxTop = 500;

    public string? Action { get; init; }
    public Guid? ActorId { get; init; }
    public string? Entity { get; init; }
    public Guid? RecordId { get; init; }
    /// <summary>Inclusive lower bound of the time.</summary>
    public DateTime? From { get; init; }
    /// <summary>Exclusive upper bound of the time.</summary>
    public DateTime? To { get; init; }
    public int Top { get; init; } = 50;
    /// <summary>Continue after this position (from the previous page's <see cref="AuditPage.Next"/>).</summary>
    public AuditCursor? After { get; init; }
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, AuditCursor? Next);
