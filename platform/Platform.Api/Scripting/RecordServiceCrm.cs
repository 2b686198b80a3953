using System.Text.Json;
using Platform.Querying;
using Platform.Records;
using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Api.Scripting;

/// <summary>
/// The <c>crm</c> object of a script: every call goes through <see cref="RecordService"/> (same validation as the API)
/// on the runtime of the request's tenant, which is the only tenant a script can name.
/// </summary>
internal sealed class RecordServiceCrm(RecordService records, TenantRuntime runtime, RecordActor actor) : IScriptCrm
{
    public async Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entity, Guid id, CancellationToken ct)
    {
        try
        {
            return await records.GetAsync(runtime, entity, id, actor, ct);
        }
        catch (RecordNotFoundException) when (runtime.FindEntity(entity) is not null)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string entity, string? filter, int? top, CancellationToken ct)
    {
        RecordService.Entity(runtime, entity);
        var options = new List<KeyValuePair<string, string?>>();
        if (filter is not null) options.Add(new("$filter", filter));
        options.Add(new("$top", Math.Clamp(top ?? 50, 1, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var translation = new ODataQueryTranslator(runtime.Model).Translate(entity, QueryOptions.From(options));
        if (!translation.Succeeded)
            throw new InvalidOperationException($"crm.query: {string.Join("; ", translation.Errors.Select(e => e.Message))}");
        var page = await records.QueryAsync(runtime, translation.Query, actor, ct);
        return page.Rows.Cast<IReadOnlyDictionary<string, object?>>().ToList();
    }

    public async Task<IReadOnlyDictionary<string, object?>> CreateAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        var (created, _) = await records.CreateAsync(runtime, entity, JsonSerializer.SerializeToElement(values), actor, null, ct);
        return created!;
    }

    public async Task<IReadOnlyDictionary<string, object?>> UpdateAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
        await records.UpdateAsync(runtime, entity, id, JsonSerializer.SerializeToElement(values), null, actor, ct);

    public Task DeleteAsync(string entity, Guid id, CancellationToken ct) => records.DeleteAsync(runtime, entity, id, null, actor, ct);
}
