using Microsoft.AspNetCore.Http;

namespace Platform.Api.Problems;

/// <summary>
/// Refuses query values holding U+0000 (<c>?$filter=name eq 'a%00b'</c>, <c>?action=%00</c>) with a 400 before any
/// handler turns them into SQL parameters: PostgreSQL cannot take the character in text, and would fail the request
/// with a 500 (mid-stream for an export). Bodies get the same check where they are read (JsonStrings).
/// </summary>
public sealed class UnstorableQueryTextFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var (name, values) in context.HttpContext.Request.Query)
        {
            if (name.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
                return ValueTask.FromResult<object?>(ProblemResults.BadQuery([(name.Replace("\0", "\\u0000", StringComparison.Ordinal),
                    "the value holds the character U+0000, which the platform does not store or match")]));
        }
        return next(context);
    }
}
