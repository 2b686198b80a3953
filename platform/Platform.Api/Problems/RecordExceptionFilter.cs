using Microsoft.AspNetCore.Http;
using Platform.Records;

namespace Platform.Api.Problems;

/// <summary>Turns record and query failures thrown by an endpoint into problem documents.</summary>
public sealed class RecordExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RecordException exception)
        {
            return ProblemResults.From(exception);
        }
        catch (System.Text.Json.JsonException exception)
        {
            return ProblemResults.BadRequest($"The body is not valid JSON: {exception.Message}");
        }
        catch (System.Data.Common.DbException exception) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away and its query was interrupted (SQLite reports that as an error): a cancellation, not a failure.
            throw new OperationCanceledException("The client went away.", exception, context.HttpContext.RequestAborted);
        }
    }
}
