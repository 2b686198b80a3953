namespace Platform.Storage.Schema;

public enum PlanIssueKind
{
    /// <summary>Applying would lose data (drop a table or column, narrow a type); refused unless explicitly allowed.</summary>
    DataLoss,
    /// <summary>Existing rows would not survive the change (values that do not convert); refused while any remain.</summary>
    Blocking,
    /// <summary>
    /// The change is safe only if existing rows allow it, and the plan was made without reading them
    /// (<see cref="SchemaPlanner.Plan"/>). The applier checks the rows itself before it changes anything.
    /// </summary>
    Unchecked,
}

/// <summary>Something about a plan a consultant must see before applying it.</summary>
public sealed record PlanIssue(PlanIssueKind Kind, string Table, string? Column, string Message, long AffectedRows = 0, IReadOnlyList<string>? SampleKeys = null)
{
    public override string ToString() =>
        $"{Label}: {Table}{(Column is null ? "" : "." + Column)}: {Message}" +
        (SampleKeys is { Count: > 0 } ? $" (e.g. {string.Join(", ", SampleKeys)})" : "");

    private string Label => Kind switch
    {
        PlanIssueKind.DataLoss => "DATA LOSS",
        PlanIssueKind.Blocking => "BLOCKED",
        _ => "TO CHECK",
    };
}
