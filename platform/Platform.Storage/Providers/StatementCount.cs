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

    /// <summary>As <see cref="Begin()"/>, also keeping each statement's text (the benchmarks print the SQL a request sends).</summary>
    public static Counter BeginWithText() => Current.Value = new Counter { Texts = new() };

    internal static void Statement(string sql)
    {
        if (Current.Value is not { } counter) return;
        Interlocked.Increment(ref counter.StatementsField);
        counter.Texts?.Enqueue(sql);
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

        /// <summary>The statements' text in the order they were created; null unless begun with <see cref="BeginWithText"/>.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string>? Texts { get; internal init; }

        public void Reset()
        {
            Interlocked.Exchange(ref StatementsField, 0);
            Interlocked.Exchange(ref WriteTransactionsField, 0);
        }
    }
}
