using Platform.Metadata.Definitions;
using Platform.Storage.Schema;

namespace Platform.Cli.Commands;

internal static class PlanOutput
{
    /// <summary>
    /// Prints the plan as <see cref="SchemaPlan.Describe"/> has it, then the definition files that change (scripts, roles,
    /// labels: what no DDL shows), or "No changes." when neither tables nor definitions change; with
    /// <paramref name="applyHint"/>, whether apply would refuse it.
    /// </summary>
    public static async Task WriteAsync(CliContext context, SchemaPlan plan, bool applyHint)
    {
        var changes = plan.Current is { } current && plan.DefinitionsChanged ? DefinitionChanges.Between(current.Definitions, plan.Target) : [];
        if (plan.IsEmpty && !plan.DefinitionsChanged)
        {
            await context.Out.WriteLineAsync("No changes.");
            return;
        }
        if (plan.IsEmpty)
            await context.Out.WriteLineAsync($"{plan.Database}: no table changes; the definitions change (to {plan.Target.Version}).");
        else
            await context.Out.WriteAsync(plan.Describe());
        foreach (var change in changes) await context.Out.WriteLineAsync(change.ToString());
        if (!applyHint) return;
        if (plan.IsBlocked)
            await context.Out.WriteLineAsync("Apply refuses this plan while the BLOCKED rows above remain.");
        else if (plan.RequiresDataLossConsent)
            await context.Out.WriteLineAsync("Apply refuses this plan unless given --allow-data-loss.");
    }
}
