using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Storage.Physical;
using Platform.Api.Audit;
using Platform.Audit;
using Platform.Api.Export;
using Platform.Api.Auth;
using Platform.Api.Metadata;
using Platform.Api.Notifications;
using Platform.Api.OData;
using Platform.Api.OpenApi;
using Platform.Api.Operator;
using Platform.Api.Outbox;
using Platform.Api.Privacy;
using Platform.Api.Problems;
using Platform.Api.Records;
using Platform.Api.Scripting;
using Platform.Api.Security;
using Platform.Api.Tenants;
using Platform.Api.Views;
using Platform.Api.Users;
using Platform.Records;
using Platform.Scripting;

namespace Platform.Api;

/// <summary>The generated REST API: one route group per tenant, resolved from metadata at request time.</summary>
public static class PlatformApiEndpoints
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        // The same services a worker process without HTTP composes.
        services.AddPlatformScripting();
        services.AddPlatformRecords();
        services.AddPlatformAudit();
        services.AddSingleton<OpenApiDocumentBuilder>();
        services.AddSingleton<TenantEndpointFilter>();
        services.AddSingleton<OperatorKeyFilter>();
        services.AddSingleton<UnstorableQueryTextFilter>();
        services.AddPlatformAuth();
        services.AddPlatformTables<SavedViewTables>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOpenApiContributor, ViewOpenApi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOpenApiContributor, OutboxAdminOpenApi>());
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
            .AddEndpointFilter<ExceptionProblemFilter>()
            .AddEndpointFilter<UnstorableQueryTextFilter>();

        tenant.MapAuth();
        tenant.MapUserAdmin();
        tenant.MapNotifications();
        tenant.MapSavedViews();
        tenant.MapUserNames();

        // The OData service root: its service document and $metadata (a literal segment wins over {entity}).
        tenant.MapGet("/data", ODataService.ServiceDocument);
        tenant.MapGet("/data/$metadata", ODataService.Metadata);

        var data = tenant.MapGroup("/data/{entity}");
        data.MapGet("", ListRecords.HandleAsync);
        data.MapPost("", CreateRecord.HandleAsync);
        data.MapPost("/bulk", BulkRecords.HandleAsync);
        data.MapPatch("/bulk", BulkUpdateRecords.HandleAsync);
        data.MapGet("/export", ExportRecords.HandleAsync);
        data.MapGet("/{id:guid}", GetRecord.HandleAsync);
        data.MapPatch("/{id:guid}", UpdateRecord.HandleAsync);
        data.MapDelete("/{id:guid}", DeleteRecord.HandleAsync);
        data.MapPost("/{id:guid}/actions/{name}", RunAction.HandleAsync);
        data.MapGet("/{id:guid}/audit", AuditEndpoints.RecordTimelineAsync);
        data.MapPost("/{id:guid}/assign", RecordSharing.AssignAsync);
        data.MapGet("/{id:guid}/shares", RecordSharing.ListAsync);
        data.MapPost("/{id:guid}/share", RecordSharing.ShareAsync);
        data.MapDelete("/{id:guid}/share/{kind}/{name}", RecordSharing.UnshareAsync);
        data.MapGet("/{id:guid}/{relation}", RelationLinks.ListAsync);
        data.MapPost("/{id:guid}/{relation}", RelationLinks.LinkAsync);
        data.MapDelete("/{id:guid}/{relation}/{targetId:guid}", RelationLinks.UnlinkAsync);

        // Read-only: no route updates or deletes audit entries. The whole trail and data-subject requests are for administrators.
        tenant.MapGet("/admin/audit", (Delegate)AuditEndpoints.AdminListAsync).RequireAuthorization(AuthSchemes.AdminPolicy);

        var privacy = tenant.MapGroup("/privacy").RequireAuthorization(AuthSchemes.AdminPolicy);
        privacy.MapGet("/contacts/{id:guid}/export", PrivacyEndpoints.ExportContactAsync);
        privacy.MapPost("/contacts/{id:guid}/erase", PrivacyEndpoints.EraseContactAsync);
        privacy.MapGet("/{entity}/{id:guid}/export", PrivacyEndpoints.ExportAsync);
        privacy.MapPost("/{entity}/{id:guid}/erase", PrivacyEndpoints.EraseAsync);

        tenant.MapOutboxAdmin();

        var scripts = tenant.MapGroup("/admin/scripts").RequireAuthorization(AuthSchemes.AdminPolicy);
        scripts.MapGet("", ScriptRunEndpoints.SummaryAsync);
        scripts.MapGet("/runs", ScriptRunEndpoints.RunsAsync);

        var metadata = tenant.MapGroup("/metadata");
        metadata.MapGet("/entities", MetadataEndpoints.ListEntities);
        metadata.MapGet("/entities/{entity}", MetadataEndpoints.GetEntity);
        metadata.MapGet("/entities/{entity}/schema", MetadataEndpoints.GetRecordSchema);
        metadata.MapGet("/forms/{entity}", ScreenEndpoints.GetForm);
        metadata.MapGet("/views/{entity}", ScreenEndpoints.ListViews);
        metadata.MapGet("/navigation", ScreenEndpoints.GetNavigation);
        metadata.MapGet("/dashboards", DashboardEndpoints.List);
        metadata.MapGet("/dashboards/{id}", DashboardEndpoints.Get);
        metadata.MapGet("/security", SecurityMetadata.Get);
        metadata.MapGet("/field-types", FieldTypeCatalog.List);
        metadata.MapGet("/schemas/{kind}", DocumentSchemaEndpoint.Get);

        // The operator's API sits beside the tenants' (a tenant cannot be called "admin"); it has its own credential.
        var tenants = endpoints.MapGroup("/api/admin/tenants").AddEndpointFilter<OperatorKeyFilter>()
            .AddEndpointFilter<ExceptionProblemFilter>().AllowAnonymous();
        tenants.MapGet("", TenantEndpoints.ListAsync);
        tenants.MapPost("", TenantEndpoints.CreateAsync);
        tenants.MapGet("/{id}", TenantEndpoints.GetAsync);
        tenants.MapPost("/{id}/suspend", TenantEndpoints.SuspendAsync);
        tenants.MapPost("/{id}/resume", TenantEndpoints.ResumeAsync);
        tenants.MapDelete("/{id}", TenantEndpoints.DeleteAsync);

        tenant.MapGet("/openapi.json", (HttpContext http, OpenApiDocumentBuilder documents) =>
            Results.Text(documents.Get(TenantEndpointFilter.Runtime(http)), "application/json; charset=utf-8"));
        return endpoints;
    }
}
