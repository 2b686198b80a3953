using Platform.Storage.Schema;

namespace Platform.Cli.Commands;

internal static class PlanOutput
{
    /// <summary>Prints the plan as <see cref="SchemaPlan.Describe"/> has it, or "No changes."; with <paramref name="applyHint"/>, whether apply would refuse it.</summary>
    public static async Task WriteAsync(CliContext context, SchemaPlan plan, bool applyHint)
    {
        if (plan.IsEmpty)
        {
            await context.Out.WriteLineAsync("No changes.");
            return;
        }
        await context.Out.WriteAsync(plan.Describe());
        if (!applyHint) return;
        if (plan.IsBlocked)
            await context.Out.WriteLineAsync("Apply refuses this plan while the BLOCKED rows above remain.");
        else if (plan.RequiresDataLossConsent)
            await context.Out.WriteLineAsync("Apply refuses this plan unless given --allow-data-loss.");
    }
}
