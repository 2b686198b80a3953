using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NJsonSchema;
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
/// </summary>
internal static class RunAction
{
    public static async Task<IResult> HandleAsync(HttpContext http, string entity, Guid id, string name, RecordService records, IScriptExecutor executor)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var definition = RecordService.Entity(runtime, entity);
        if (!definition.Actions.TryGetValue(name, out var action)) return Problems.Problems.NotFound($"'{entity}' has no action '{name}'");
        var code = runtime.Definitions.Modules.Select(m => m.Scripts.GetValueOrDefault(action.Script)).FirstOrDefault(s => s is not null);
        if (code is null) return Problems.Problems.NotFound($"the script '{action.Script}' is not part of the applied modules");

        var body = await RequestBody.ReadAsync(http);
        using var input = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
        if (action.InputSchema is { } inputSchema)
        {
            var schema = await JsonSchema.FromJsonAsync(inputSchema.ToJsonString(), http.RequestAborted);
            var errors = schema.Validate(input.RootElement.GetRawText());
            if (errors.Count > 0)
                return Problems.Problems.Validation(errors.Select(e => new FieldError(
                    "/" + string.Join("/", (e.Path ?? "#").TrimStart('#', '/').Split('.', StringSplitOptions.RemoveEmptyEntries)), e.Kind.ToString())).ToList(),
                    "The action input is not valid");
        }

        var actor = Security.RequestActor.Of(http);
        var record = await records.GetAsync(runtime, entity, id, actor, http.RequestAborted);
        var result = await executor.ExecuteAsync(new ScriptSource(action.Script, code), new ScriptContext
        {
            Tenant = runtime.Id, Record = record, Input = input.RootElement.Clone(), Limits = ScriptLimits.Action,
            Crm = new RecordServiceCrm(records, runtime, actor),
        }, http.RequestAborted);
        if (result.Error is { } error) throw new RecordScriptException(error);
        if (result.FieldErrors.Count > 0)
            throw new RecordValidationException(result.FieldErrors.Select(e => new FieldError("/" + e.Field, e.Message)).ToList());

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
