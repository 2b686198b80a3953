using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Audit.Privacy;
using Platform.Audit.Trail;
using Platform.Records;
using Platform.Records.Auditing;
using Platform.Records.Events;
using Platform.Storage.Physical;
using Platform.Storage.Schema;

namespace Platform.Audit;

public static class AuditServices
{
    /// <summary>
    /// The audit trail (its table; record writes through an event handler, other events through <see cref="IAuditLog"/>,
    /// security-document changes in the apply's transaction) and data-subject export and erasure.
    /// </summary>
    public static IServiceCollection AddPlatformAudit(this IServiceCollection services)
    {
        services.AddPlatformTables<AuditTables>();
        // Before the records' own handlers, so a write's audit entry is written before its outbox event.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordEventHandler, AuditRecordHandler>());
        services.AddPlatformRecords();
        services.TryAddSingleton<IAuditLog, DatabaseAuditLog>();
        // Security-document changes are audited in the transaction of whichever apply makes them (host start, operator API).
        services.TryAddSingleton<ISchemaChangeAudit, SecurityDefinitionAudit>();
        services.TryAddSingleton<DataSubjectService>();
        return services;
    }
}
