using Microsoft.AspNetCore.Http;
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
}
