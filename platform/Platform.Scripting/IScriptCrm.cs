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

    /// <summary>
    /// Links <paramref name="targetId"/> to the record through its many-to-many <paramref name="relation"/>: true when
    /// the link was made, false when they were linked already (idempotent: nothing is written then). A crm without
    /// relations (a test double) refuses it.
    /// </summary>
    Task<bool> LinkAsync(string entity, Guid id, string relation, Guid targetId, CancellationToken ct) =>
        throw new InvalidOperationException("crm.link is not available to this script");

    /// <summary>Removes a link: true when one was removed, false when there was none.</summary>
    Task<bool> UnlinkAsync(string entity, Guid id, string relation, Guid targetId, CancellationToken ct) =>
        throw new InvalidOperationException("crm.unlink is not available to this script");
}
