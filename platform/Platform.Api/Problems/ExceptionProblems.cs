using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Identity.Users;
using Platform.Records;
using Platform.Records.Scripting;
using Platform.Records.Transactions;
using Platform.Tenancy;

namespace Platform.Api.Problems;

/// <summary>The one map from the exceptions the platform throws for a caller's mistake to their problem documents.</summary>
public static class ExceptionProblems
{
    /// <summary>The problem for <paramref name="exception"/>; null for a failure that is the server's (answered as a 500).</summary>
    public static IResult? For(Exception exception) => exception switch
    {
        RecordException record => For(record),
        JsonException json => ProblemResults.BadRequest($"The body is not valid JSON: {json.Message}"),
        // A change nobody may make (own roles, more than one holds) names the rule.
        IdentityForbiddenException forbidden => ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message, "forbidden"),
        TenantNotFoundException missing => ProblemResults.NotFound($"There is no tenant '{missing.TenantId}'."),
        TenantExistsException taken => ProblemResults.Of(StatusCodes.Status409Conflict, "Conflict", taken.Message, "conflict"),
        TenantRequestException invalid => ProblemResults.BadRequest(invalid.Message),
        _ => null,
    };

    /// <summary>Maps a record operation's failure to its problem document.</summary>
    public static IResult For(RecordException exception) => exception switch
    {
        RecordValidationException validation => ProblemResults.Validation(validation.Errors),
        // Script faults name the script, line and column, and the limit when one was exceeded.
        RecordScriptException script => ProblemResults.Of(StatusCodes.Status422UnprocessableEntity, "A script failed", script.Error.ToString(), "script-error",
            new Dictionary<string, object?>
            {
                ["script"] = script.Error.Script, ["line"] = script.Error.Line, ["column"] = script.Error.Column,
                ["message"] = script.Error.Message, ["limit"] = script.Error.Limit,
            }),
        // Writes nested too deep outside a script (a handler writing from a write); inside one it is the script's limit.
        RecordScopeDepthException depth => ProblemResults.Of(StatusCodes.Status422UnprocessableEntity, "Writes nested too deeply", depth.Message, "script-error",
            new Dictionary<string, object?> { ["limit"] = "maxWriteDepth" }),
        RecordNotFoundException notFound => ProblemResults.NotFound(notFound.Message),
        RecordForbiddenException forbidden => ProblemResults.Of(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message, "forbidden",
            forbidden.Entity is null ? null : new Dictionary<string, object?> { ["entity"] = forbidden.Entity }),
        RecordQueryRefusedException refused => ProblemResults.BadQuery([(refused.Parameter, refused.Message)]),
        RecordConcurrencyException concurrency => ProblemResults.Of(StatusCodes.Status412PreconditionFailed, "The record was changed by someone else",
            concurrency.Message, "stale-version", new Dictionary<string, object?> { ["currentVersion"] = concurrency.CurrentVersion }),
        RecordConflictException conflict => ProblemResults.Of(StatusCodes.Status409Conflict, "Conflict", conflict.Message, "conflict",
            conflict.ReferencingEntity is null ? null : new Dictionary<string, object?> { ["referencingEntity"] = conflict.ReferencingEntity }),
        ActionUnavailableException unavailable => ProblemResults.Of(StatusCodes.Status409Conflict, $"The action '{unavailable.Label}' is not available",
            unavailable.Message, "action-unavailable", new Dictionary<string, object?> { ["entity"] = unavailable.Entity, ["action"] = unavailable.Action }),
        _ => ProblemResults.BadRequest(exception.Message),
    };
}
