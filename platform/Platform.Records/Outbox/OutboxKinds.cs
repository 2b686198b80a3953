using Platform.Records.Events;

namespace Platform.Records.Outbox;

/// <summary>The stored names of change kinds (stable text, not enum numbers).</summary>
public static class OutboxKinds
{
    public static string Name(RecordChangeKind kind) => kind switch
    {
        RecordChangeKind.Created => "created",
        RecordChangeKind.Updated => "updated",
        _ => "deleted",
    };

    public static RecordChangeKind Parse(string name) => name switch
    {
        "created" => RecordChangeKind.Created,
        "updated" => RecordChangeKind.Updated,
        "deleted" => RecordChangeKind.Deleted,
        _ => throw new InvalidOperationException($"Unknown outbox event kind '{name}'."),
    };
}
