using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// Finds what a plan would do to existing data: drops lose it (<see cref="PlanIssueKind.DataLoss"/>); type changes,
/// narrowing and new required values are fine only while every existing row allows them, which is counted here
/// (<see cref="PlanIssueKind.Blocking"/> with a count and sample keys). Without an inspector those become
/// <see cref="PlanIssueKind.Unchecked"/>.
/// </summary>
public static class DataLossAnalyzer
{
    public const int SampleSize = 10;

    /// <summary>The drops of a plan, without reading any data.</summary>
    public static IReadOnlyList<PlanIssue> Analyze(IEnumerable<MigrationOperation> operations) =>
        AnalyzeAsync(operations.ToList(), [], DatabaseProvider.Sqlite, null, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<IReadOnlyList<PlanIssue>> AnalyzeAsync(
        IReadOnlyList<MigrationOperation> operations, IReadOnlyList<ColumnChange> changes, DatabaseProvider provider,
        ISchemaDataInspector? inspector, CancellationToken ct)
    {
        var issues = new List<PlanIssue>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case DropTableOperation drop:
                    var rows = inspector is null ? 0 : await inspector.CountRowsAsync(drop.Name, ct);
                    issues.Add(new PlanIssue(PlanIssueKind.DataLoss, drop.Name, null,
                        inspector is null ? "the table and every row in it would be dropped" : $"the table and its {rows} rows would be dropped", rows));
                    break;
                case DropColumnOperation drop:
                    var values = inspector is null ? 0 : await inspector.CountValuesAsync(drop.Table, drop.Name, ct);
                    issues.Add(new PlanIssue(PlanIssueKind.DataLoss, drop.Table, drop.Name,
                        inspector is null ? "the column and its values would be dropped" : $"the column and its {values} values would be dropped", values));
                    break;
                case CreateIndexOperation { IsUnique: true } index when ExistingColumns(changes, index) is { } existing:
                    issues.AddRange(await CheckUniqueAsync(index, existing, inspector, ct));
                    break;
            }
        }
        foreach (var change in changes) issues.AddRange(await CheckAsync(change, provider, inspector, ct));
        return issues;
    }

    /// <summary>The index's columns when they all exist before the plan (otherwise some start empty and cannot repeat).</summary>
    private static IReadOnlyList<string>? ExistingColumns(IReadOnlyList<ColumnChange> changes, CreateIndexOperation index) =>
        index.Columns.All(c => changes.Any(ch => ch.Table.Name == index.Table && ch.Target.Name == c && ch.Current is not null)) ? index.Columns : null;

    private static async Task<IReadOnlyList<PlanIssue>> CheckUniqueAsync(
        CreateIndexOperation index, IReadOnlyList<string> columns, ISchemaDataInspector? inspector, CancellationToken ct)
    {
        var column = string.Join(", ", columns);
        if (inspector is null)
            return [new PlanIssue(PlanIssueKind.Unchecked, index.Table, column, "existing values must be unique")];
        var rows = await inspector.CountDuplicatesAsync(index.Table, columns, ct);
        return rows == 0 ? [] :
            [new PlanIssue(PlanIssueKind.Blocking, index.Table, column, $"{rows} rows share values that must become unique; make them distinct first", rows)];
    }

    private static async Task<IReadOnlyList<PlanIssue>> CheckAsync(ColumnChange change, DatabaseProvider provider, ISchemaDataInspector? inspector, CancellationToken ct)
    {
        var table = change.Table.Name;
        var target = change.Target;
        var issues = new List<PlanIssue>();

        if (change.Current is not { } current)
        {
            if (target.IsNullable || target.DefaultValue is not null) return issues;
            if (inspector is null)
                issues.Add(new PlanIssue(PlanIssueKind.Unchecked, table, target.Name, "a required column without a default can only be added to an empty table"));
            else if (await inspector.CountRowsAsync(table, ct) is var rows and > 0)
                issues.Add(new PlanIssue(PlanIssueKind.Blocking, table, target.Name,
                    $"{rows} existing rows would have no value for the new required column; give it a default or add it as optional first", rows));
            return issues;
        }

        if (!TypeChangeValueConverter.IsSupported(current.Kind, target.Kind, provider))
        {
            issues.Add(new PlanIssue(PlanIssueKind.Blocking, table, target.Name,
                $"changing the type from {TypeChangeValueConverter.Describe(current)} to {TypeChangeValueConverter.Describe(target)} is not supported; add a new field and copy the values instead"));
        }
        else if (TypeChangeValueConverter.NeedsCheck(current, target))
        {
            var conversion = $"from {TypeChangeValueConverter.Describe(current)} to {TypeChangeValueConverter.Describe(target)}";
            if (inspector is null)
                issues.Add(new PlanIssue(PlanIssueKind.Unchecked, table, target.Name, $"every existing value must convert {conversion}"));
            else
            {
                var (failing, samples) = await CountNotConvertingAsync(inspector, table, current, target, ct);
                if (failing > 0)
                    issues.Add(new PlanIssue(PlanIssueKind.Blocking, table, target.Name,
                        $"{failing} rows hold values that do not convert {conversion}; fix or clear them first", failing, samples));
            }
        }

        // With a default, EF's generators fill the empty rows themselves, in the same batch and with the default
        // as a literal of the column's type mapping (UPDATE ... WHERE col IS NULL; IFNULL in SQLite's rebuild).
        if (change.BecomesRequired && target.DefaultValue is null)
        {
            if (inspector is null)
                issues.Add(new PlanIssue(PlanIssueKind.Unchecked, table, target.Name, "the field becomes required and has no default: no row may be empty"));
            else if (await inspector.CountNullsAsync(table, target.Name, ct) is var nulls and > 0)
                issues.Add(new PlanIssue(PlanIssueKind.Blocking, table, target.Name,
                    $"{nulls} rows have no value and the field becomes required without a default; fill them or give the field a default", nulls));
        }
        return issues;
    }

    private static async Task<(long Failing, IReadOnlyList<string> Samples)> CountNotConvertingAsync(
        ISchemaDataInspector inspector, string table, Physical.ColumnModel current, Physical.ColumnModel target, CancellationToken ct)
    {
        long failing = 0;
        var samples = new List<string>();
        await foreach (var (key, raw) in inspector.ReadValuesAsync(table, current.Name, ct))
        {
            bool converts;
            try { converts = TypeChangeValueConverter.TryConvert(TypeChangeValueConverter.FromStore(raw, current), target, out _); }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException) { converts = false; }
            if (converts) continue;
            failing++;
            if (samples.Count < SampleSize) samples.Add(key);
        }
        return (failing, samples);
    }
}
