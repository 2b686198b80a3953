using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Audit.Trail;
using Platform.Records;
using Platform.Records.Security;

namespace Platform.Api.Audit;

/// <summary>
/// Read-only access to the audit trail: a record's timeline and the tenant-wide list under /admin. No route writes,
/// updates or deletes entries.
/// </summary>
internal static class AuditEndpoints
{
    /// <summary>GET /data/{entity}/{id}/audit: whoever cannot read the record cannot read its history (answered as reading it would be).</summary>
    public static async Task<IResult> RecordTimelineAsync(HttpContext http, string entity, Guid id, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var actor = RequestActor.Of(http);
        await records.GetAsync(runtime, entity, id, actor, http.RequestAborted);
        var access = RecordSecurity.Access(runtime, actor, entity);
        var errors = new List<(string Parameter, string Message)>();
        var query = AuditQueryReader.Read(http.Request, errors, filters: false);
        if (errors.Count > 0) return ProblemResults.BadQuery(errors);
        var page = await AuditReader.ReadAsync(runtime, query with { Entity = entity, RecordId = id }, http.RequestAborted);
        return AuditResponses.Page(http, AuditFieldSecurity.Apply(RecordService.Entity(runtime, entity), access, page));
    }

    /// <summary>
    /// GET /admin/audit?action=&amp;user=&amp;entity=&amp;record=&amp;from=&amp;to=&amp;$top=&amp;$skiptoken=: every entry, with old
    /// and new values only where the administrator may read that record and field (<see cref="AdminAuditVisibility"/>).
    /// </summary>
    public static async Task<IResult> AdminListAsync(HttpContext http, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var errors = new List<(string Parameter, string Message)>();
        var query = AuditQueryReader.Read(http.Request, errors, filters: true);
        if (errors.Count > 0) return ProblemResults.BadQuery(errors);
        var page = await AuditReader.ReadAsync(runtime, query, http.RequestAborted);
        var (visible, withheld) = await AdminAuditVisibility.ApplyAsync(runtime, RequestActor.Of(http), records, page, http.RequestAborted);
        return AuditResponses.Page(http, visible, withheld);
    }
}
