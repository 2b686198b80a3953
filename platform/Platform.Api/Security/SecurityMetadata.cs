using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions;
using Platform.Records.Security;

namespace Platform.Api.Security;

/// <summary>GET /metadata/security: the tenant's roles, teams and business units, for its administrators only.</summary>
internal static class SecurityMetadata
{
    public static IResult Get(HttpContext http)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var actor = RequestActor.Of(http);
        if (!actor.IsSystem && !SecurityModel.For(runtime.Definitions).IsAdministrator(actor.Roles))
            return ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden",
                "Only a user whose roles grant every privilege on every record of the tenant may read its security definitions.", "forbidden");
        var definitions = runtime.Definitions;
        var body = new
        {
            roles = definitions.Roles.Values.OrderBy(r => r.Name, StringComparer.Ordinal),
            teams = definitions.Teams.Values.OrderBy(t => t.Name, StringComparer.Ordinal),
            businessUnits = definitions.BusinessUnits.Values.OrderBy(b => b.Name, StringComparer.Ordinal),
        };
        return Results.Text(JsonSerializer.Serialize(body, DefinitionJson.Options), "application/json; charset=utf-8");
    }
}
