using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Platform.Records;

namespace Platform.Workflows.Runtime;

/// <summary>
/// Everything an instance needs to continue, stored as JSON on its row: variables, input, the triggering record, whose
/// identity it acts with, the activities scheduled next (the head is the one running or failed), Join arrivals, the
/// activities waiting on bookmarks and the path taken so far.
/// </summary>
public sealed class InstanceState
{
    // Defaults and empty collections are left out (a finished short flow's state is mostly empty queues, maps and
    // flags): every run serialises the state at least once, and a member read back missing keeps its initial value.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyCollections } },
    };

    public JsonObject Variables { get; set; } = [];
    public JsonNode? Input { get; set; }
    public string? Entity { get; set; }
    public Guid? RecordId { get; set; }
    public ActorSnapshot Actor { get; set; } = new();
    public List<string> Queue { get; set; } = [];
    public Dictionary<string, List<string>> JoinArrivals { get; set; } = [];
    public List<string> JoinsFired { get; set; } = [];
    /// <summary>Activity id → id of the bookmark it waits on.</summary>
    public Dictionary<string, Guid> Waiting { get; set; } = [];
    /// <summary>Each executed activity with the ports it completed through ("approve:Approved").</summary>
    public List<string> Path { get; set; } = [];
    public long JournalSequence { get; set; }
    /// <summary>What a waiting activity keeps between its resumptions (an Approval's approvers and votes), by activity id.</summary>
    public Dictionary<string, JsonObject> ActivityData { get; set; } = [];

    public string Serialize() => JsonSerializer.Serialize(this, Options);

    public static InstanceState Deserialize(string json) => JsonSerializer.Deserialize<InstanceState>(json, Options) ?? new InstanceState();

    public InstanceState Clone() => Deserialize(Serialize());

    private static void OmitEmptyCollections(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
            if (typeof(System.Collections.ICollection).IsAssignableFrom(property.PropertyType))
                property.ShouldSerialize = (_, value) => value is System.Collections.ICollection { Count: > 0 };
    }
}

/// <summary>The identity an instance's record activities act with (<see cref="RecordActor"/> as stored).</summary>
public sealed class ActorSnapshot
{
    public Guid? UserId { get; set; }
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public List<string> Teams { get; set; } = [];
    public string? BusinessUnit { get; set; }
    public bool IsSystem { get; set; }

    public static ActorSnapshot Of(RecordActor actor) => new()
    {
        UserId = actor.UserId, Name = actor.Name, Roles = [.. actor.Roles], Teams = [.. actor.Teams], BusinessUnit = actor.BusinessUnit, IsSystem = actor.IsSystem,
    };

    public RecordActor ToActor() => new(UserId) { Name = Name, Roles = Roles, Teams = Teams, BusinessUnit = BusinessUnit, IsSystem = IsSystem };
}
