namespace Platform.Scripting;

/// <summary>
/// The data access a script gets, already bound to one tenant and actor (there is no tenant parameter to forge).
/// Implementations go through the record service, so the API's validation applies; the executor counts calls.
/// </summary>
public interface IScriptCrm
{
    Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entity, Guid id, CancellationToken ct);
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string entity, string? filter, int? top, CancellationToken ct);
    Task<IReadOnlyDictionary<string, object?>> CreateAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct);
    Task<IReadOnlyDictionary<string, object?>> UpdateAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct);
    Task DeleteAsync(string entity, Guid id, CancellationToken ct);
}
