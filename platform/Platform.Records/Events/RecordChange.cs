using Platform.Runtime;
using Platform.Scripting;

namespace Platform.Records.Events;

public enum RecordChangeKind { Created, Updated, Deleted }

/// <summary>
/// A record write, as audit and the outbox see it. <see cref="Before"/> is null on create and <see cref="After"/> on
/// delete. It carries the tenant's <see cref="Runtime"/>, so a handler never looks the tenant up again by its id.
/// </summary>
public sealed record RecordChange(
    TenantRuntime Runtime,
    string Entity,
    Guid Id,
    RecordChangeKind Kind,
    IReadOnlyDictionary<string, object?>? Before,
    IReadOnlyDictionary<string, object?>? After,
    RecordActor Actor)
{
    public string Tenant => Runtime.Id;

    /// <summary>Fields whose value differs between before and after.</summary>
    public IEnumerable<string> ChangedFields()
    {
        if (Before is null || After is null) return (After ?? Before ?? new Dictionary<string, object?>()).Keys;
        return After.Keys.Where(k => !ValueEquality.Same(Before.GetValueOrDefault(k), After[k]));
    }
}
