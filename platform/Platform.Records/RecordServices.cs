using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Metadata.FieldTypes;
using Platform.Records.Events;
using Platform.Records.Outbox;
using Platform.Records.Scripting;
using Platform.Records.Security;
using Platform.Records.Writing;
using Platform.Scripting.Runs;
using Platform.Storage.Physical;

namespace Platform.Records;

public static class RecordServices
{
    /// <summary>
    /// The one write path (<see cref="RecordService"/>) with permissions, hooks, formulas and defaults, and the tables it
    /// keeps (shares, idempotency, script runs, the record-change outbox). Needs a script executor (<c>AddPlatformScripting</c>) and the runtime
    /// (<c>AddPlatformRuntime</c>); no HTTP, so a worker process composes it as the API does.
    /// </summary>
    public static IServiceCollection AddPlatformRecords(this IServiceCollection services)
    {
        // The field types records are read, checked, masked and erased by (the built-ins; plugins add theirs).
        services.AddFieldTypes();
        services.AddPlatformTables<ShareTables>();
        services.AddPlatformTables<IdempotencyTables>();
        services.AddPlatformScriptRuns();
        services.TryAddSingleton<TenantScriptRunner>();
        services.TryAddSingleton<BeforeSaveScripts>();
        services.TryAddSingleton<RecordSecurity>();
        services.TryAddSingleton<RecordHookScripts>();
        services.TryAddSingleton<RecordService>();
        // Every record write leaves an outbox event in its transaction (the last of the write's stages), delivered after
        // commit. AddPlatformAudit registers its handler before this one. A feature adds a record event handler, or a
        // write stage (IRecordWriteStage, with its order) that RecordService picks up.
        services.AddPlatformTables<OutboxTables>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxOptions>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordEventHandler, OutboxRecordHandler>());
        return services;
    }
}
