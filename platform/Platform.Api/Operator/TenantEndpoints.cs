using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Auth;
using Platform.Api.Problems;
using Platform.Identity.Users;
using Platform.Records.Validation;
using Platform.Runtime;
using Platform.Tenancy;

namespace Platform.Api.Operator;

/// <summary>
/// The operator API over tenants: list, create (with shipped modules, optionally on another PostgreSQL server),
/// suspend, resume, delete. Connection strings are accepted but never answered (they hold passwords).
/// </summary>
internal static class TenantEndpoints
{
    public static async Task<IResult> ListAsync(TenantAdministration tenants, CancellationToken ct) =>
        Results.Json(new { value = (await tenants.ListAsync(ct)).Select(Describe) });

    public static async Task<IResult> GetAsync(string id, TenantAdministration tenants, CancellationToken ct) =>
        Results.Json(Describe(await tenants.FindAsync(id, ct) ?? throw new TenantNotFoundException(id)));

    public static async Task<IResult> CreateAsync(
        HttpContext http, TenantAdministration tenants, TenantAdministrators administrators, OperatorOptions options, CancellationToken ct)
    {
        var request = await JsonSerializer.DeserializeAsync<TenantCreateRequest>(http.Request.Body, JsonSerializerOptions.Web, ct);
        if (request?.Id is not { } id) return ProblemResults.BadRequest("The body must name the tenant: {\"id\": \"acme\", \"modules\": [\"crm-core\"]}.");
        if (!TenantId.IsAvailable(id))
            return ProblemResults.Validation([new("/id", TenantId.Reserved.Contains(id)
                ? $"'{id}' is reserved by the platform"
                : "use 1-40 lowercase letters, digits or '-', starting with a letter")], "The tenant request is not valid");

        var folders = new List<string>();
        var errors = new List<FieldError>();
        foreach (var (name, index) in (request.Modules ?? []).Select((m, i) => (m, i)))
        {
            if (options.ModuleFolder(name) is { } folder) folders.Add(folder);
            else errors.Add(new($"/modules/{index}", $"there is no shipped module '{name}'"));
        }
        if (errors.Count > 0) return ProblemResults.Validation(errors, "The tenant request is not valid");

        var result = await tenants.CreateAsync(id, request.Connection, folders, ct);
        if (result.Install is { HasErrors: true } failed)
            return ProblemResults.Validation(failed.Errors.Select(e => new FieldError(e.Pointer, $"{e.File}: {e.Message}")).ToList(),
                "The modules are not valid; the tenant was not kept");
        if (result.Install is { Refused: true } refused)
            return ProblemResults.Of(StatusCodes.Status409Conflict, "The modules could not be applied", refused.Applied!.Reason ?? "refused", "conflict");
        // The operator hands the tenant over with its administrator; a generated password is answered only this once
        // and never logged (logs are kept and shipped far more widely than this response).
        var administrator = await administrators.EnsureAsync(id, ct, logGeneratedPassword: false);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Created($"/api/admin/tenants/{id}", new
        {
            tenant = Describe(result.Tenant),
            administrator = new
            {
                userName = FirstAdministrator.UserName,
                password = administrator.GeneratedPassword,
                passwordSource = administrator.GeneratedPassword is null ? FirstAdministrator.PasswordVariable : "generated; shown only in this response",
            },
        });
    }

    public static async Task<IResult> SuspendAsync(string id, TenantAdministration tenants, CancellationToken ct) =>
        await ChangeAsync(id, () => tenants.SuspendAsync(id, ct), tenants, ct);

    public static async Task<IResult> ResumeAsync(string id, TenantAdministration tenants, CancellationToken ct) =>
        await ChangeAsync(id, () => tenants.ResumeAsync(id, ct), tenants, ct);

    public static async Task<IResult> DeleteAsync(string id, string? confirm, TenantAdministration tenants, CancellationToken ct)
    {
        if (confirm != id)
            return ProblemResults.BadRequest($"Deleting destroys every record of '{id}': repeat the id as ?confirm={id}.");
        await tenants.DeleteAsync(id, ct);
        return Results.NoContent();
    }

    private static async Task<IResult> ChangeAsync(string id, Func<Task> change, TenantAdministration tenants, CancellationToken ct)
    {
        await change();
        return Results.Json(Describe((await tenants.FindAsync(id, ct))!));
    }

    private static object Describe(TenantInfo tenant) => new
    {
        id = tenant.Id,
        status = tenant.Status.ToString().ToLowerInvariant(),
        createdAt = tenant.CreatedAt,
        provider = tenant.Database.Provider.ToString().ToLowerInvariant(),
        schema = tenant.Database.Schema,
    };

    private sealed record TenantCreateRequest(string? Id, IReadOnlyList<string>? Modules, string? Connection);
}
