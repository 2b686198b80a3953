using Microsoft.AspNetCore.Http;
using Platform.Records;
using Platform.Records.Scripting;
using Platform.Records.Transactions;
using Platform.Records.Validation;

namespace Platform.Api.Problems;

/// <summary>RFC 9457 problem documents for every error the API returns.</summary>
public static class ProblemResults
{
    public const string TypeBase = "https://platform.dev/problems/";

    public static IResult Of(int status, string title, string detail, string type, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: TypeBase + type, extensions: extensions);

    public static IResult Validation(IReadOnlyList<FieldError> errors, string title = "The record is not valid") =>
        Of(StatusCodes.Status422UnprocessableEntity, title,
            errors.Count == 1 ? $"{errors[0].Pointer}: {errors[0].Message}" : $"{errors.Count} problems were found; see errors.",
            "validation", new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { pointer = e.Pointer, detail = e.Message }).ToList() });

    public static IResult BadQuery(IEnumerable<(string Parameter, string Message)> errors)
    {
        var list = errors.ToList();
        return Of(StatusCodes.Status400BadRequest, "The query is not valid",
            string.Join(" ", list.Select(e => $"{e.Parameter}: {e.Message}")), "query",
            new Dictionary<string, object?> { ["errors"] = list.Select(e => new { parameter = e.Parameter, detail = e.Message }).ToList() });
    }

    public static IResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail, "not-found");

    public static IResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Bad request", detail, "bad-request");

    /// <summary>Maps a record operation's failure to its problem document.</summary>
    public static IResult From(RecordException exception) => exception switch
    {
        RecordValidationException validation => Validation(validation.Errors),
        // Script faults name the script, line and column, and the limit when one was exceeded.
        RecordScriptException script => Of(StatusCodes.Status422UnprocessableEntity, "A script failed", script.Error.ToString(), "script-error",
            new Dictionary<string, object?>
            {
                ["script"] = script.Error.Script, ["line"] = script.Error.Line, ["column"] = script.Error.Column,
                ["message"] = script.Error.Message, ["limit"] = script.Error.Limit,
            }),
        // Writes nested too deep outside a script (a handler writing from a write); inside one it is the script's limit.
        RecordScopeDepthException depth => Of(StatusCodes.Status422UnprocessableEntity, "Writes nested too deeply", depth.Message, "script-error",
            new Dictionary<string, object?> { ["limit"] = "maxWriteDepth" }),
        RecordNotFoundException notFound => NotFound(notFound.Message),
        RecordForbiddenException forbidden => Of(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message, "forbidden",
            forbidden.Entity is null ? null : new Dictionary<string, object?> { ["entity"] = forbidden.Entity }),
        RecordQueryRefusedException refused => BadQuery([(refused.Parameter, refused.Message)]),
        RecordConcurrencyException concurrency => Of(StatusCodes.Status412PreconditionFailed, "The record was changed by someone else",
            concurrency.Message, "stale-version", new Dictionary<string, object?> { ["currentVersion"] = concurrency.CurrentVersion }),
        RecordConflictException conflict => Of(StatusCodes.Status409Conflict, "Conflict", conflict.Message, "conflict",
            conflict.ReferencingEntity is null ? null : new Dictionary<string, object?> { ["referencingEntity"] = conflict.ReferencingEntity }),
        _ => Of(StatusCodes.Status400BadRequest, "Bad request", exception.Message, "bad-request"),
    };
}
