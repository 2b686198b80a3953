using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Records;
using Platform.Api.Tenants;
using Platform.Records;
using Platform.Records.Scripting;
using Platform.Records.Validation;
using Platform.Scripting;

namespace Platform.Api.Scripting;

/// <summary>
/// POST /data/{entity}/{id}/actions/{name}: validates the body against the action's input schema, runs its script with
/// the record, the input and <c>crm</c>, and answers the script's result with its run report (usage beside limits).
/// The whole action is one transaction: if the script fails, or adds errors, nothing it wrote is kept.
/// </summary>
internal static class RunAction
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, Guid id, string name, RecordService records, TenantScriptRunner runner)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var definition = RecordService.Entity(runtime, entity);
        if (!definition.Actions.TryGetValue(name, out var action)) return ProblemResults.NotFound($"'{entity}' has no action '{name}'");
        var scripts = TenantScripts.Of(runtime);
        if (scripts.FindFile(definition, action.Script) is not { } script) return ProblemResults.NotFound($"the script '{action.Script}' is not part of the applied modules");

        var body = await RequestBody.ReadAsync(http);
        using var input = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
        // Compiled once per applied definitions; only references inside the schema resolve.
        if (await scripts.InputSchemaAsync(definition, name, action) is { } schema)
        {
            // NJsonSchema throws on whole numbers beyond 64 bits: refuse them first.
            if (Json.JsonNumbers.FirstTooLarge(input.RootElement) is { } tooLarge)
                return ProblemResults.Validation([new FieldError(tooLarge, "is a whole number beyond the 64-bit range")], "The action input is not valid");
            if (schema.Validate(input.RootElement.GetRawText()) is { Count: > 0 } errors)
                return ProblemResults.Validation(errors.Select(e => new FieldError(e.Pointer, e.Message)).ToList(), "The action input is not valid");
        }

        var actor = Security.RequestActor.Of(http);
        var inputValue = input.RootElement.Clone();
        var result = await records.InOneTransactionAsync(runtime, async () =>
        {
            var record = await records.GetAsync(runtime, entity, id, actor, http.RequestAborted);
            if (action.AvailableWhen is { } when)
            {
                // Not decided for a caller who does not read every field it names in full: the answer would reveal the
                // value (see ActionAvailability). Otherwise decided on the stored record read as system (encrypted
                // fields in clear), which for those fields is what the caller reads.
                if (ActionAvailability.UnreadFields(action, RecordService.AccessOf(runtime, actor, entity)) is { Count: > 0 } unread)
                    throw new ActionUnavailableException(entity, name, action.Label?.Get() ?? name, unread);
                if (!RecordCondition.Holds(when, await records.GetAsync(runtime, entity, id, RecordActor.System, http.RequestAborted)))
                    throw new ActionUnavailableException(entity, name, action.Label?.Get() ?? name, id);
            }
            var run = await runner.RunAsync(runtime, script, new ScriptContext
            {
                Tenant = runtime.Id, User = TenantScriptRunner.User(actor), Record = record, Input = inputValue, Limits = scripts.ActionLimits,
                Crm = new RecordServiceCrm(records, runtime, actor),
            }, http.RequestAborted);
            // Errors the script added refuse the action: thrown inside the unit of work, so its writes roll back.
            if (run.FieldErrors.Count > 0)
                throw new RecordValidationException(run.FieldErrors.Select(e => new FieldError("/" + e.Field, e.Message)).ToList());
            return run;
        }, http.RequestAborted);

        return Results.Json(new
        {
            result = result.Value,
            report = new
            {
                script = result.Report.Script, usage = result.Report.Usage, limits = result.Report.Limits,
                logs = result.Report.Logs,
            },
        });
    }
}
