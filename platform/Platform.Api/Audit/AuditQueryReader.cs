using System.Globalization;
using Microsoft.AspNetCore.Http;
using Platform.Audit.Trail;

namespace Platform.Api.Audit;

/// <summary>Reads audit list parameters: $top (1-500, default 50), $skiptoken, and the admin filters action, user, entity, from, to.</summary>
internal static class AuditQueryReader
{
    public static AuditQuery Read(HttpRequest request, List<(string Parameter, string Message)> errors, bool filters)
    {
        var query = new AuditQuery();
        if (Value(request, "$top") is { } top)
        {
            if (int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= AuditQuery.MaxTop) query = query with { Top = n };
            else errors.Add(("$top", $"must be a whole number from 1 to {AuditQuery.MaxTop}"));
        }
        if (Value(request, "$skiptoken") is { } token)
        {
            if (AuditCursor.TryDecode(token) is { } cursor) query = query with { After = cursor };
            else errors.Add(("$skiptoken", "The continuation token is not valid."));
        }
        if (!filters) return query;
        if (Value(request, "action") is { } action) query = query with { Action = action };
        if (Value(request, "entity") is { } entity) query = query with { Entity = entity };
        if (Value(request, "user") is { } user)
        {
            if (Guid.TryParse(user, out var id)) query = query with { ActorId = id };
            else errors.Add(("user", "must be a user id (UUID)"));
        }
        if (Value(request, "record") is { } record)
        {
            if (Guid.TryParse(record, out var id)) query = query with { RecordId = id };
            else errors.Add(("record", "must be a record id (UUID)"));
        }
        query = query with { From = Time(request, "from", errors), To = Time(request, "to", errors) };
        return query;
    }

    private static DateTime? Time(HttpRequest request, string name, List<(string Parameter, string Message)> errors)
    {
        if (Value(request, name) is not { } text) return null;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)) return time;
        errors.Add((name, "must be an ISO 8601 date or date and time, e.g. 2026-03-01T00:00:00Z"));
        return null;
    }

    private static string? Value(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } value ? value : null;
}
