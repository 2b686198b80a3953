using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records;
using Platform.Records.Security;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Audit.Privacy;

/// <summary>
/// What an actor may erase of one record. Erasing is changing: it needs the update privilege on the record (then only
/// the personal fields the actor may write are erased) or the delete privilege (which could remove every value anyway,
/// so every personal field is erased). Administering the tenant grants neither.
/// </summary>
internal static class ErasureRights
{
    public const string OutOfScope = "out-of-scope";
    public const string NoUpdateRight = "no-update-right";
    public const string ProtectedFields = "protected-fields";

    /// <param name="Erasable">The personal fields to erase.</param>
    /// <param name="Protected">Personal fields left because the actor may not write them.</param>
    /// <param name="Refusal">Why nothing may be erased (<see cref="OutOfScope"/> when the record is not even readable), or null.</param>
    public sealed record Rights(IReadOnlyList<FieldDefinition> Erasable, IReadOnlyList<string> Protected, string? Refusal);

    public static async Task<Rights> OfAsync(RecordSecurity security, TenantRuntime runtime, RecordSession session, RecordActor actor,
        EntityDefinition entity, IReadOnlyDictionary<string, object?> row, CancellationToken ct)
    {
        var personal = entity.Fields.Where(f => f.Personal).ToList();
        if (await security.AllowsAsync(runtime, session, actor, entity.Name, row, Privilege.Delete, ct)) return new Rights(personal, [], null);
        if (!await security.AllowsAsync(runtime, session, actor, entity.Name, row, Privilege.Update, ct))
        {
            var readable = await security.AllowsAsync(runtime, session, actor, entity.Name, row, Privilege.Read, ct);
            return new Rights([], [], readable ? NoUpdateRight : OutOfScope);
        }
        var access = RecordSecurity.Access(runtime, actor, entity.Name);
        return new Rights(personal.Where(f => access.Field(f.Name).Write).ToList(),
            personal.Where(f => !access.Field(f.Name).Write).Select(f => f.Name).ToList(), null);
    }
}
