using System.Text.Json;
using Platform.Records.Events;

namespace Platform.Records.Writing;

/// <summary>
/// One record's write as it passes the stages (<see cref="IRecordWriteStage"/>): where it points, what the caller
/// sent, what was stored before, and the change once stored.
/// </summary>
public sealed class RecordWrite
{
    internal RecordWrite(RecordChangeKind kind, Guid? id, JsonElement body, string pointer)
    {
        Kind = kind;
        Id = id;
        Body = body;
        Pointer = pointer;
    }

    /// <summary>Created, updated or deleted (a bulk upsert item's kind is known once its stored record was looked up).</summary>
    public RecordChangeKind Kind { get; internal set; }

    /// <summary>The record written: given by the caller (update, delete, an upsert by id) or set when the row is created.</summary>
    public Guid? Id { get; internal set; }

    /// <summary>Prefix of this record's error pointers ("/records/3" in a bulk request, "" otherwise).</summary>
    public string Pointer { get; }

    /// <summary>The body as the caller sent it, then as the before-save scripts left it.</summary>
    public JsonElement Body { get; internal set; }

    /// <summary>The incoming values read from the body (with defaults and formulas); on update only the fields changed.</summary>
    public Dictionary<string, object?> Values { get; internal set; } = Empty;

    /// <summary>The stored row before the write (update, delete), unmasked; null on create.</summary>
    public Dictionary<string, object?>? Previous { get; internal set; }

    /// <summary>The row version the caller expects (If-Match); null writes over whatever is stored.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>A create's owner when it is not the actor (see <see cref="RecordService.CreateOwnedAsync"/>); null: the actor owns it.</summary>
    public RecordOwner? Owner { get; init; }

    /// <summary>The change, once the record is stored.</summary>
    public RecordChange? Change { get; internal set; }

    /// <summary>A bulk item the actor may not write: later stages leave it alone (its error is already reported).</summary>
    internal bool Refused { get; set; }

    /// <summary>Before-save scripts ran (an update retried after a lost race does not run them again).</summary>
    internal bool ScriptsRan { get; set; }

    /// <summary>The row a create inserts: values, defaults, system fields, autonumbers and formulas.</summary>
    internal Dictionary<string, object?>? Row { get; set; }

    /// <summary>A cascade child: read, permitted and claimed by the delete that takes it along.</summary>
    internal bool Claimed { get; init; }

    private static readonly Dictionary<string, object?> Empty = new(0);
}
