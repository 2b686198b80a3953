using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;

namespace Platform.Api.Operator;

/// <summary>Admits a request to the operator API only with the operator key in <c>X-Operator-Key</c>.</summary>
public sealed class OperatorKeyFilter(OperatorOptions options) : IEndpointFilter
{
    public const string Header = "X-Operator-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!options.Enabled)
            return ProblemResults.Of(StatusCodes.Status403Forbidden, "Operator API disabled",
                "The operator API is off: set operator-key (or PLATFORM_OPERATOR_KEY) on the host to enable it.", "operator-disabled");
        if (!options.Accepts(http.Request.Headers[Header].ToString()))
        {
            http.Response.Headers.WWWAuthenticate = "OperatorKey";
            return ProblemResults.Of(StatusCodes.Status401Unauthorized, "Operator key required",
                $"Send the platform operator key in the {Header} header.", "unauthorized");
        }
        return await next(context);
    }
}
