namespace Platform.Storage.Providers;

/// <summary>
/// Counts the statements and write transactions started in one async flow (the code run under <see cref="Begin"/> and
/// what it awaits): how tests prove a path's round trips without timing it. Costs one AsyncLocal read per command when
/// nobody counts.
/// </summary>
public static class StatementCount
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Starts counting in the calling flow (call it from the flow itself, not from an async helper, so the count sticks).</summary>
    public static Counter Begin() => Current.Value = new Counter();

    internal static void Statement()
    {
        if (Current.Value is { } counter) Interlocked.Increment(ref counter.StatementsField);
    }

    internal static void WriteTransaction()
    {
        if (Current.Value is { } counter) Interlocked.Increment(ref counter.WriteTransactionsField);
    }

    public sealed class Counter
    {
        internal int StatementsField;
        internal int WriteTransactionsField;

        public int Statements => Volatile.Read(ref StatementsField);
        public int WriteTransactions => Volatile.Read(ref WriteTransactionsField);

        public void Reset()
        {
            Interlocked.Exchange(ref StatementsField, 0);
            Interlocked.Exchange(ref WriteTransactionsField, 0);
        }
    }
}
