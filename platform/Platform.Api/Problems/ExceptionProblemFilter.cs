using Microsoft.AspNetCore.Http;

namespace Platform.Api.Problems;

/// <summary>
/// Turns the failures an endpoint throws into problem documents (see <see cref="ExceptionProblems"/>), so endpoints
/// throw typed exceptions and never catch them to answer a problem themselves.
/// </summary>
public sealed class ExceptionProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (ExceptionProblems.For(exception) is { } problem)
        {
            return problem;
        }
        catch (System.Data.Common.DbException exception) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away and its query was interrupted (SQLite reports that as an error): a cancellation, not a failure.
            throw new OperationCanceledException("The client went away.", exception, context.HttpContext.RequestAborted);
        }
    }
}
