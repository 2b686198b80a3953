using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Records;
using Platform.Records.Security;
using Platform.Records.Validation;

namespace Platform.Api.Records;

/// <summary>
/// Assignment ({"owner": userId}) and sharing ({"user": id} or {"team": name}, "rights": ["read", "update"]) of one
/// record; RecordService checks the assign and share privileges.
/// </summary>
internal static class RecordSharing
{
    public static async Task<IResult> AssignAsync(HttpContext http, string entity, Guid id, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        using var document = JsonDocument.Parse(await RequestBody.ReadAsync(http));
        var body = document.RootElement;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("owner", out var owner) ||
            owner.ValueKind != JsonValueKind.String || !Guid.TryParse(owner.GetString(), out var ownerId))
            return ProblemResults.Validation([new FieldError("/owner", "must be the id of the user who becomes the owner")]);
        var row = await records.AssignAsync(runtime, entity, id, ownerId, Security.RequestActor.Of(http), http.RequestAborted);
        return RecordResponses.Ok(http, row);
    }

    public static async Task<IResult> ShareAsync(HttpContext http, string entity, Guid id, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        using var document = JsonDocument.Parse(await RequestBody.ReadAsync(http));
        var errors = new List<FieldError>();
        var principal = ReadPrincipal(document.RootElement, errors);
        var canUpdate = ReadRights(document.RootElement, errors);
        if (errors.Count > 0) return ProblemResults.Validation(errors);
        await records.ShareAsync(runtime, entity, id, principal!, canUpdate, Security.RequestActor.Of(http), http.RequestAborted);
        return Results.NoContent();
    }

    public static async Task<IResult> UnshareAsync(HttpContext http, string entity, Guid id, string kind, string name, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        if (kind is not (SharePrincipal.UserKind or SharePrincipal.TeamKind))
            return ProblemResults.NotFound($"A share is revoked at .../share/user/{{id}} or .../share/team/{{name}}, not .../share/{kind}.");
        await records.UnshareAsync(runtime, entity, id, new SharePrincipal(kind, name), Security.RequestActor.Of(http), http.RequestAborted);
        return Results.NoContent();
    }

    public static async Task<IResult> ListAsync(HttpContext http, string entity, Guid id, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var shares = await records.SharesAsync(runtime, entity, id, Security.RequestActor.Of(http), http.RequestAborted);
        return Results.Json(new
        {
            value = shares.Select(s => new Dictionary<string, object?>
            {
                [s.Principal.Kind] = s.Principal.Name,
                ["rights"] = s.CanUpdate ? new[] { "read", "update" } : ["read"],
                ["sharedAt"] = s.SharedAt, ["sharedBy"] = s.SharedBy,
            }),
        });
    }

    private static SharePrincipal? ReadPrincipal(JsonElement body, List<FieldError> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("", "must be an object with \"user\" or \"team\" and \"rights\""));
            return null;
        }
        var hasUser = body.TryGetProperty(SharePrincipal.UserKind, out var user);
        var hasTeam = body.TryGetProperty(SharePrincipal.TeamKind, out var team);
        if (hasUser == hasTeam)
            errors.Add(new FieldError("", "give exactly one of \"user\" (a user id) or \"team\" (a team name)"));
        else if (hasUser && (user.ValueKind != JsonValueKind.String || !Guid.TryParse(user.GetString(), out _)))
            errors.Add(new FieldError("/user", "must be a user id"));
        else if (hasTeam && (team.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(team.GetString())))
            errors.Add(new FieldError("/team", "must be a team name"));
        else return hasUser ? SharePrincipal.User(Guid.Parse(user.GetString()!)) : SharePrincipal.Team(team.GetString()!);
        return null;
    }

    /// <summary>Every share grants read; "update" adds update. Unknown rights are refused rather than ignored.</summary>
    private static bool ReadRights(JsonElement body, List<FieldError> errors)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("rights", out var rights)) return false;
        if (rights.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError("/rights", "must be an array of \"read\" and \"update\""));
            return false;
        }
        var update = false;
        var i = 0;
        foreach (var right in rights.EnumerateArray())
        {
            var value = right.ValueKind == JsonValueKind.String ? right.GetString() : null;
            if (value == "update") update = true;
            else if (value != "read") errors.Add(new FieldError($"/rights/{i}", "must be \"read\" or \"update\""));
            i++;
        }
        return update;
    }
}
