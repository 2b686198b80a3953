using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Api.Metadata;
using Platform.Api.OpenApi;
using Platform.Api.Problems;
using Platform.Api.Records;
using Platform.Api.Scripting;
using Platform.Api.Tenants;
using Platform.Records;
using Platform.Records.Auditing;
using Platform.Records.Scripting;
using Platform.Records.Scripting.Runs;
using Platform.Scripting;

namespace Platform.Api;

/// <summary>The generated REST API: one route group per tenant, resolved from metadata at request time.</summary>
public static class PlatformApiEndpoints
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        services.AddSingleton<IScriptExecutor, JintScriptExecutor>();
        services.AddSingleton<IScriptRunLog, QueuedScriptRunLog>();
        services.AddSingleton<TenantScriptRunner>();
        services.AddSingleton<BeforeSaveScripts>();
        services.AddSingleton<RecordHookScripts>();
        services.AddSingleton<RecordService>();
        services.TryAddSingleton<IAuditLog, NullAuditLog>();
        services.AddSingleton<OpenApiDocumentBuilder>();
        services.AddSingleton<TenantEndpointFilter>();
        // Problems the framework writes (unmatched routes, unhandled errors) get a detail like ours do.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => $"There is nothing at {context.HttpContext.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
                >= StatusCodes.Status500InternalServerError => "The request failed on the server; the error is logged with this trace id.",
                _ => context.ProblemDetails.Title,
            });
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder endpoints)
    {
        var tenant = endpoints.MapGroup("/api/{tenant}")
            .AddEndpointFilter<TenantEndpointFilter>()
            .AddEndpointFilter<RecordExceptionFilter>();

        var data = tenant.MapGroup("/data/{entity}");
        data.MapGet("", ListRecords.HandleAsync);
        data.MapPost("", CreateRecord.HandleAsync);
        data.MapPost("/bulk", BulkRecords.HandleAsync);
        data.MapGet("/{id:guid}", GetRecord.HandleAsync);
        data.MapPatch("/{id:guid}", UpdateRecord.HandleAsync);
        data.MapDelete("/{id:guid}", DeleteRecord.HandleAsync);
        data.MapPost("/{id:guid}/actions/{name}", RunAction.HandleAsync);
        data.MapGet("/{id:guid}/{relation}", RelationLinks.ListAsync);
        data.MapPost("/{id:guid}/{relation}", RelationLinks.LinkAsync);
        data.MapDelete("/{id:guid}/{relation}/{targetId:guid}", RelationLinks.UnlinkAsync);

        var scripts = tenant.MapGroup("/admin/scripts");
        scripts.MapGet("", ScriptRunEndpoints.SummaryAsync);
        scripts.MapGet("/runs", ScriptRunEndpoints.RunsAsync);

        var metadata = tenant.MapGroup("/metadata");
        metadata.MapGet("/entities", MetadataEndpoints.ListEntities);
        metadata.MapGet("/entities/{entity}", MetadataEndpoints.GetEntity);
        metadata.MapGet("/entities/{entity}/schema", MetadataEndpoints.GetRecordSchema);

        tenant.MapGet("/openapi.json", (HttpContext http, OpenApiDocumentBuilder documents) =>
            Results.Text(documents.Get(TenantEndpointFilter.Runtime(http)), "application/json; charset=utf-8"));
        return endpoints;
    }
}
