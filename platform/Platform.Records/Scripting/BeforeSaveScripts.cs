using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Records.Validation;
using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Records.Scripting;

/// <summary>
/// Runs an entity's default expressions and beforeSave hook over the request body, before validation, so whatever a
/// script sets is validated like a value the caller sent; formulas run once the row is complete (<see cref="ComputeFormulasAsync"/>). Works on the JSON body to leave the write path as is.
/// Runs inside the save's unit of work, so the hook's <c>crm</c> writes commit or roll back with the save.
/// </summary>
public sealed class BeforeSaveScripts(TenantScriptRunner runner)
{
    public static bool Applies(EntityDefinition entity) =>
        entity.Hooks?.BeforeSave is not null || entity.Fields.Any(f => f.Formula is not null || f.DefaultExpression is not null);

    /// <param name="previous">The stored record on update; null on create.</param>
    /// <param name="pointer">Prefix of error pointers ("/records/3" in a bulk request).</param>
    /// <param name="engines">The write's engine hold (<see cref="HoldEngines"/>); null rents an engine per script.</param>
    public async Task<JsonElement> RunAsync(
        RecordService records, TenantRuntime runtime, EntityDefinition entity, JsonElement body, IReadOnlyDictionary<string, object?>? previous,
        RecordActor actor, CancellationToken ct, string pointer = "", ScriptEngineHold? engines = null)
    {
        if (body.ValueKind != JsonValueKind.Object) return body;
        // The body as a node tree only once a script sets a value: most hooks only check, and a bulk request would
        // otherwise parse and re-serialise every record.
        JsonObject? patch = null;
        JsonObject Patch() => patch ??= JsonNode.Parse(body.GetRawText())!.AsObject();
        var errors = new List<FieldError>();
        // Loops, not LINQ over a closure of the body: a bulk request runs this a thousand times.
        foreach (var field in entity.Fields)
            if (field.Formula is not null && body.TryGetProperty(field.Name, out _))
                errors.Add(new FieldError(pointer + "/" + field.Name, $"'{field.Name}' is calculated by a formula and cannot be written"));
        if (errors.Count > 0) throw new RecordValidationException(errors);

        var record = previous is null ? new Dictionary<string, object?>(entity.Fields.Count, StringComparer.Ordinal) : new Dictionary<string, object?>(previous, StringComparer.Ordinal);
        // The body's own elements: no per-field serialise-and-parse round trip (a bulk request does this a thousand times).
        foreach (var property in body.EnumerateObject()) record[property.Name] = property.Value;
        var scripts = TenantScripts.Of(runtime);
        var run = new ScriptContext
        {
            Tenant = runtime.Id, User = TenantScriptRunner.User(actor), Record = record, Previous = previous, Limits = scripts.HookLimits,
            Engines = engines,
        };

        if (previous is null)
            foreach (var field in entity.Fields)
                if (field.DefaultExpression is not null && !body.TryGetProperty(field.Name, out _))
                    Set(Patch(), record, field.Name, (await runner.RunAsync(runtime, scripts.Expression($"{entity.Name}.{field.Name}.defaultExpression", field.DefaultExpression!), run, ct)).Value);

        if (entity.Hooks?.BeforeSave is { } hook)
        {
            var result = await runner.RunAsync(runtime, scripts.File(entity, hook), run with { Crm = new RecordServiceCrm(records, runtime, actor) }, ct);
            foreach (var (name, value) in result.Record)
                if (entity.FindField(name) is { Formula: null } && !ValueEquality.Same(value, Normalize(record.GetValueOrDefault(name))))
                    Set(Patch(), record, name, value);
            errors.AddRange(result.FieldErrors.Select(e => new FieldError(pointer + "/" + e.Field, e.Message)));
            if (errors.Count > 0) throw new RecordValidationException(errors);
        }

        // Formulas run later, over the row as it is saved (ComputeFormulasAsync).
        return patch is null ? body : JsonSerializer.SerializeToElement(patch);
    }

    public static bool HasFormulas(EntityDefinition entity) => entity.Fields.Any(f => f.Formula is not null);

    /// <summary>A hold for one write's scripts (defaults, beforeSave, formulas): one engine rental instead of one per script.</summary>
    public ScriptEngineHold HoldEngines() => runner.HoldEngines();

    /// <summary>
    /// Sets the formula fields of <paramref name="row"/>, the record as it is saved: on create after the hooks, static
    /// defaults, autonumbers and system fields (id, owner, created_at...); on update the stored row with the changes.
    /// Each formula sees the ones before it; a value its field does not accept is an error at its pointer.
    /// </summary>
    public async Task ComputeFormulasAsync(
        TenantRuntime runtime, EntityDefinition entity, Dictionary<string, object?> row, IReadOnlyDictionary<string, object?>? previous,
        RecordActor actor, string pointer, List<FieldError> errors, CancellationToken ct, ScriptEngineHold? engines = null)
    {
        var scripts = TenantScripts.Of(runtime);
        var record = new Dictionary<string, object?>(row, StringComparer.Ordinal);
        var run = new ScriptContext
        {
            Tenant = runtime.Id, User = TenantScriptRunner.User(actor), Record = record, Previous = previous, Limits = scripts.HookLimits,
            Engines = engines,
        };
        foreach (var field in entity.Fields.Where(f => f.Formula is not null))
        {
            var result = (await runner.RunAsync(runtime, scripts.Expression($"{entity.Name}.{field.Name}.formula", field.Formula!), run, ct)).Value;
            var json = JsonSerializer.SerializeToElement(result is double d && !double.IsFinite(d) ? null : result);
            var fieldPointer = pointer + "/" + RecordBodyReader.Escape(field.Name);
            if (!RecordJsonValueReader.TryRead(field, json, out var value, out var error)) errors.Add(new FieldError(fieldPointer, error!));
            else if (FieldValueRules.Check(field, value) is { } broken) errors.Add(new FieldError(fieldPointer, broken));
            else row[field.Name] = record[field.Name] = value;
        }
    }

    private static void Set(JsonObject patch, Dictionary<string, object?> record, string name, object? value)
    {
        record[name] = value;
        patch[name] = value is double d && !double.IsFinite(d) ? null : JsonSerializer.SerializeToNode(value);
    }

    // Values as the script sees them come back as long/double/string/list; compare like with like. The casts to object
    // keep an integral number a long: a conditional of long and double is a double, which never equals the script's long,
    // so every record with an integer in its body was taken for changed by its hook (its body parsed and rewritten).
    private static object? Normalize(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(i => Normalize(i)).ToList(),
        string[] list => list.Select(i => (object?)i).ToList(),
        int or long or short => Convert.ToInt64(value),
        decimal m => decimal.Truncate(m) == m && Math.Abs(m) < 9e15m ? (object)(long)m : (double)m,
        Guid g => g.ToString(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
