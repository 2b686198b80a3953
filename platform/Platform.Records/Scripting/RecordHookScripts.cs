using Platform.Metadata.Definitions;
using Platform.Records.Events;
using Platform.Records.Validation;
using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Records.Scripting;

/// <summary>
/// The hooks that run inside a write's transaction once the row is known: afterSave (create and update),
/// beforeDelete (may refuse with errors.add or by throwing) and afterDelete. Their <c>crm</c> writes join the same unit
/// of work, and any error — a throw, a limit, errors.add — rolls the whole write back.
/// </summary>
public sealed class RecordHookScripts(TenantScriptRunner runner)
{
    public static bool Any(EntityDefinition entity) =>
        entity.Hooks is { } h && (h.AfterSave is not null || h.BeforeDelete is not null || h.AfterDelete is not null);

    /// <summary>afterSave: <c>record</c> is the saved row; on update <c>record.previous</c> is the row before.</summary>
    public Task AfterSaveAsync(RecordService records, TenantRuntime runtime, EntityDefinition entity, RecordChange change, string pointer, CancellationToken ct) =>
        entity.Hooks?.AfterSave is { } hook
            ? RunAsync(records, runtime, entity, hook, change.After!, change.Before, change.Actor, pointer, ct)
            : Task.CompletedTask;

    /// <summary>beforeDelete: <c>record</c> is the row about to be deleted; errors.add refuses the delete.</summary>
    public Task BeforeDeleteAsync(RecordService records, TenantRuntime runtime, EntityDefinition entity, IReadOnlyDictionary<string, object?> row, RecordActor actor, CancellationToken ct) =>
        entity.Hooks?.BeforeDelete is { } hook ? RunAsync(records, runtime, entity, hook, row, null, actor, "", ct) : Task.CompletedTask;

    /// <summary>afterDelete: <c>record</c> is the row that was deleted (it is no longer readable through crm).</summary>
    public Task AfterDeleteAsync(RecordService records, TenantRuntime runtime, EntityDefinition entity, IReadOnlyDictionary<string, object?> row, RecordActor actor, CancellationToken ct) =>
        entity.Hooks?.AfterDelete is { } hook ? RunAsync(records, runtime, entity, hook, row, null, actor, "", ct) : Task.CompletedTask;

    private async Task RunAsync(
        RecordService records, TenantRuntime runtime, EntityDefinition entity, string hook, IReadOnlyDictionary<string, object?> row, IReadOnlyDictionary<string, object?>? previous,
        RecordActor actor, string pointer, CancellationToken ct)
    {
        var scripts = TenantScripts.Of(runtime);
        var result = await runner.RunAsync(runtime, scripts.File(entity, hook), new ScriptContext
        {
            Tenant = runtime.Id, User = TenantScriptRunner.User(actor), Record = row, Previous = previous, Limits = scripts.HookLimits,
            Crm = new RecordServiceCrm(records, runtime, actor),
        }, ct);
        if (result.FieldErrors.Count > 0)
            throw new RecordValidationException(result.FieldErrors.Select(e => new FieldError(pointer + "/" + e.Field, e.Message)).ToList());
    }
}
