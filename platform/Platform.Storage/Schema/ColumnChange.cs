using Platform.Storage.Physical;

namespace Platform.Storage.Schema;

/// <summary>
/// A column of a table that exists before and after the plan (names already renamed), or a column added to an
/// existing table (<see cref="Current"/> is null). The data checks and value migrations are decided from these.
/// </summary>
public sealed record ColumnChange(TableModel Table, ColumnModel? Current, ColumnModel Target)
{
    public static IReadOnlyList<ColumnChange> Between(PhysicalModel current, PhysicalModel target)
    {
        var changes = new List<ColumnChange>();
        foreach (var table in target.Tables)
        {
            if (current.FindTable(table.Name) is not { } before) continue;
            changes.AddRange(table.Columns.Select(c => new ColumnChange(table, before.FindColumn(c.Name), c)));
        }
        return changes;
    }

    public bool IsAdded => Current is null;

    public bool BecomesRequired => Current is { IsNullable: true } && !Target.IsNullable;
}
