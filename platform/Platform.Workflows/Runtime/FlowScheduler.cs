using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Schedules what follows an activity: the targets of the connections leaving the ports it completed through. A Join is
/// scheduled once all its inbound sources arrived (mode all), or at the first arrival (mode any), which also cancels
/// the other branches: queued activities and bookmarks from which the Join can still be reached.
/// </summary>
internal static class FlowScheduler
{
    public static void Follow(WorkflowDefinition definition, InstanceState state, string from, IReadOnlyList<string> outcomes, StepChanges changes)
    {
        foreach (var port in outcomes.Distinct())
            foreach (var connection in definition.Outbound(from, port).ToList())
                Arrive(definition, state, connection.Target.Activity, from, changes);
    }

    private static void Arrive(WorkflowDefinition definition, InstanceState state, string target, string from, StepChanges changes)
    {
        var node = definition.Find(target)!;
        if (node.Type != JoinActivity.TypeName)
        {
            state.Queue.Add(target);
            return;
        }
        if (state.JoinsFired.Contains(target)) return;
        if (JoinActivity.IsAny(node))
        {
            state.JoinsFired.Add(target);
            var branches = definition.Reaching(target);
            state.Queue.RemoveAll(branches.Contains);
            foreach (var (activity, bookmark) in state.Waiting.Where(w => branches.Contains(w.Key)).ToList())
            {
                changes.DeletedBookmarks.Add(bookmark);
                changes.ClearedActivities.Add(activity);
                state.Waiting.Remove(activity);
            }
            state.Queue.Add(target);
            return;
        }
        var arrived = state.JoinArrivals.TryGetValue(target, out var list) ? list : state.JoinArrivals[target] = [];
        if (!arrived.Contains(from)) arrived.Add(from);
        if (definition.Inbound(target).Select(c => c.Source.Activity).Distinct().All(arrived.Contains))
        {
            // Re-armed for a later round (a loop back to before the fork).
            state.JoinArrivals.Remove(target);
            state.Queue.Add(target);
        }
    }
}
