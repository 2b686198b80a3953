namespace Platform.Records.Transactions;

/// <summary>Record writes nested deeper than <see cref="RecordScope.MaxDepth"/>: almost always a hook that triggers itself.</summary>
public sealed class RecordScopeDepthException(int maxDepth) : RecordException(
    $"Limit 'maxWriteDepth' exceeded: record writes nested more than {maxDepth} levels deep (a hook or action whose crm writes trigger hooks that write again, probably in a loop)")
{
    public int MaxDepth { get; } = maxDepth;
}
