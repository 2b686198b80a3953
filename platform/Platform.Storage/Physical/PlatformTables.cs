namespace Platform.Storage.Physical;

/// <summary>
/// The platform's own tables in every tenant database; they go through the same planner as entity tables. Storage
/// declares the two it uses itself (<see cref="StorageTables"/>); each feature declares its own in its project as an
/// <see cref="IPlatformTables"/> and registers it (the feature's <c>AddPlatform…</c> does), and the set is shared by
/// every tenant of the process.
/// </summary>
public static class PlatformTables
{
    public const string SchemaHistory = "platform_schema_history";
    public const string Sequences = "platform_sequences";

    private static readonly Lock Gate = new();
    private static readonly HashSet<Type> Sources = [typeof(StorageTables)];
    private static IReadOnlyList<TableModel> _all = StorageTables.Instance.Tables;

    /// <summary>Every registered platform table, in the order of registration.</summary>
    public static IReadOnlyList<TableModel> All => Volatile.Read(ref _all);

    /// <summary>Adds a feature's tables; adding the same kind of source again changes nothing.</summary>
    public static void Add(IPlatformTables source)
    {
        lock (Gate)
        {
            if (Sources.Contains(source.GetType())) return;
            var current = _all;
            var clash = source.Tables.FirstOrDefault(t => current.Any(c => c.Name == t.Name));
            if (clash is not null) throw new InvalidOperationException($"Platform table '{clash.Name}' is declared twice.");
            Sources.Add(source.GetType());
            Volatile.Write(ref _all, [.. current, .. source.Tables]);
        }
    }
}
