using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Platform.Storage.Schema;

/// <summary>Finds the operations of a plan that would lose data.</summary>
public static class DataLossAnalyzer
{
    public static IReadOnlyList<PlanIssue> Analyze(IEnumerable<MigrationOperation> operations)
    {
        var issues = new List<PlanIssue>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case DropTableOperation drop:
                    issues.Add(new PlanIssue(PlanIssueKind.DataLoss, drop.Name, null, "the table and every row in it would be dropped"));
                    break;
                case DropColumnOperation drop:
                    issues.Add(new PlanIssue(PlanIssueKind.DataLoss, drop.Table, drop.Name, "the column and its values would be dropped"));
                    break;
            }
        }
        return issues;
    }
}
