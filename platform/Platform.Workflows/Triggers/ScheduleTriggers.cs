using Cronos;
using Platform.Records;
using Platform.Runtime;
using Platform.Workflows.Definitions;
using Platform.Workflows.Runtime;

namespace Platform.Workflows.Triggers;

/// <summary>
/// Starts schedule-triggered workflows: each cron occurrence (in the trigger's time zone, UTC by default) of the last
/// <see cref="CatchUp"/> starts one instance, whose start key names the occurrence, so hosts polling together — or a host
/// that polls again after a restart — start it once.
/// </summary>
public sealed class ScheduleTriggers(WorkflowEngine engine)
{
    /// <summary>Occurrences missed while no host ran are still started if they are at most this old.</summary>
    public static TimeSpan CatchUp { get; } = TimeSpan.FromMinutes(10);

    public async Task StartDueAsync(TenantRuntime runtime, DateTime now, CancellationToken ct)
    {
        foreach (var stored in await WorkflowDefinitionStore.AllLatestPublishedAsync(runtime, ct))
        {
            var definition = engine.Definition(runtime, stored);
            if (definition.Trigger is not { Type: TriggerTypes.Schedule, Cron: { } cron } trigger) continue;
            var expression = CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            var zone = trigger.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
            // Only published after the occurrence? Then it is not started: a new schedule begins with its next occurrence.
            var from = Max(now - CatchUp, stored.SavedAt);
            foreach (var occurrence in expression.GetOccurrences(from, now, zone, fromInclusive: false, toInclusive: true))
            {
                var actor = definition.RunAs is { } runAs ? WorkflowActors.RunAs(definition, runAs) : RecordActor.System;
                await engine.StartAsync(runtime, stored, new StartRequest(null, null, null, actor, $"schedule:{stored.WorkflowId}:{occurrence:O}"), ct);
            }
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
