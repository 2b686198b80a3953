using System.Text.Json;
using Platform.Querying;
using Platform.Records.Transactions;
using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Records.Scripting;

/// <summary>
/// The <c>crm</c> object of a script: every call goes through <see cref="RecordService"/> (same validation as the API)
/// on the runtime of the script's tenant, which is the only tenant a script can name. Calls made while a unit of work
/// is open (a hook inside a save, an action) join it, so the script and everything it does commit or roll back together.
/// </summary>
public sealed class RecordServiceCrm(RecordService records, TenantRuntime runtime, RecordActor actor) : IScriptCrm
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

    public Task<IReadOnlyDictionary<string, object?>> CreateAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
        Guarded(async () =>
        {
            var (created, _) = await records.CreateAsync(runtime, entity, JsonSerializer.SerializeToElement(values), actor, null, ct);
            return (IReadOnlyDictionary<string, object?>)created!;
        });

    public Task<IReadOnlyDictionary<string, object?>> UpdateAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
        Guarded(async () => (IReadOnlyDictionary<string, object?>)await records.UpdateAsync(runtime, entity, id, JsonSerializer.SerializeToElement(values), null, actor, ct));

    public Task DeleteAsync(string entity, Guid id, CancellationToken ct) =>
        Guarded(async () =>
        {
            await records.DeleteAsync(runtime, entity, id, null, actor, ct);
            return true;
        });

    /// <summary>
    /// The API's link (<see cref="RecordService.LinkAsync"/>): update on the source and read on the target as the
    /// script's actor, audited in the action's unit of work. A target the actor may not read, or of another tenant,
    /// answers as a missing one.
    /// </summary>
    public Task<bool> LinkAsync(string entity, Guid id, string relation, Guid targetId, CancellationToken ct) =>
        Guarded(async () =>
        {
            var target = Relation("link", entity, relation);
            try
            {
                return await records.LinkAsync(runtime, entity, id, relation, targetId, actor, ct);
            }
            catch (RecordValidationException)
            {
                // The service's only validation error here is the unknown (or unreadable) target: name it plainly.
                throw new RecordNotFoundException(target, targetId);
            }
        });

    /// <summary>The API's unlink: false when there was no link, or none the actor may see.</summary>
    public Task<bool> UnlinkAsync(string entity, Guid id, string relation, Guid targetId, CancellationToken ct) =>
        Guarded(async () =>
        {
            Relation("unlink", entity, relation);
            return await records.UnlinkAsync(runtime, entity, id, relation, targetId, actor, ct);
        });

    /// <summary>The relation's target; an unknown entity or relation stops the script naming the call.</summary>
    private string Relation(string call, string entity, string relation)
    {
        var definition = RecordService.Entity(runtime, entity);
        return definition.Relations.FirstOrDefault(r => r.Name == relation)?.Target
               ?? throw new InvalidOperationException($"crm.{call}: {entity} has no many-to-many relation '{relation}'" +
                                                      (definition.Relations.Count == 0 ? "" : $"; relations: {string.Join(", ", definition.Relations.Select(r => r.Name))}"));
    }

    /// <summary>Writes nested too deep stop the script as a limit (named, with the line of the crm call), not a stack overflow.</summary>
    private static async Task<T> Guarded<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (RecordScopeDepthException depth)
        {
            throw new ScriptLimitExceededException("maxWriteDepth",
                $"record writes nested more than {depth.MaxDepth} levels deep (a hook whose crm writes trigger it again?)");
        }
        catch (RecordScriptException nested) when (nested.Error.Limit is { } limit)
        {
            // A limit hit by a hook this write triggered stops this script as that same limit, so the caller sees which.
            throw new ScriptLimitExceededException(limit, nested.Error.Message);
        }
    }
}
