using Platform.Metadata.Definitions;

namespace Platform.Storage.Physical;

public sealed record TableModel(
    string Name,
    IReadOnlyList<ColumnModel> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IndexModel> Indexes,
    IReadOnlyList<ForeignKeyModel> ForeignKeys,
    EntityDefinition? Entity = null)
{
    private readonly Dictionary<string, ColumnModel> _byName = Columns.ToDictionary(c => c.Name);

    public ColumnModel? FindColumn(string name) => _byName.GetValueOrDefault(name);

    public ColumnModel Column(string name) =>
        FindColumn(name) ?? throw new KeyNotFoundException($"Table '{Name}' has no column '{name}'.");
}

public sealed record IndexModel(string Name, IReadOnlyList<string> Columns, bool IsUnique);

public sealed record ForeignKeyModel(
    string Name, IReadOnlyList<string> Columns, string PrincipalTable, IReadOnlyList<string> PrincipalColumns, DeleteBehavior OnDelete);
