using System.Text.Json.Nodes;

namespace Platform.Workflows.Definitions;

/// <summary>
/// A parsed workflow document (schemaVersion 1): a trigger, variables and a root Flowchart of activities joined by
/// connections between ports. Parsed only from documents that passed <see cref="Validation.WorkflowValidator"/>.
/// </summary>
public sealed record WorkflowDefinition(
    string Id, int SchemaVersion, JsonObject Label, WorkflowTrigger Trigger, JsonObject Variables, RunAs? RunAs,
    IReadOnlyList<ActivityNode> Activities, IReadOnlyList<Connection> Connections, string Json)
{
    public const int CurrentSchemaVersion = 1;

    public ActivityNode? Find(string activityId) => Activities.FirstOrDefault(a => a.Id == activityId);

    /// <summary>Where the flowchart starts: the activities no connection leads into.</summary>
    public IEnumerable<ActivityNode> StartActivities => Activities.Where(a => Connections.All(c => c.Target.Activity != a.Id));

    public IEnumerable<Connection> Outbound(string activityId, string port) =>
        Connections.Where(c => c.Source.Activity == activityId && c.Source.Port == port);

    public IEnumerable<Connection> Inbound(string activityId) => Connections.Where(c => c.Target.Activity == activityId);

    /// <summary>The activities from which <paramref name="target"/> can be reached (for a Join in "any" mode, the branches it cancels).</summary>
    public HashSet<string> Reaching(string target)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>([target]);
        while (pending.TryPop(out var current))
            foreach (var connection in Inbound(current))
                if (found.Add(connection.Source.Activity)) pending.Push(connection.Source.Activity);
        return found;
    }
}

/// <summary>One activity of the flowchart; <see cref="Properties"/> is the node as written (inputs by name).</summary>
/// <param name="Index">Position in <c>root.activities</c>, for JSON pointers.</param>
public sealed record ActivityNode(string Id, string Type, JsonObject Properties, int Index)
{
    public string Pointer => $"/root/activities/{Index}";

    public JsonNode? Input(string name) => Properties[name];
}

public sealed record Endpoint(string Activity, string Port);

public sealed record Connection(Endpoint Source, Endpoint Target, int Index);

/// <summary>What starts an instance: recordCreated/recordUpdated/recordDeleted, schedule or manual.</summary>
public sealed record WorkflowTrigger(string Type, string? Entity, IReadOnlyList<string> Fields, string? Condition, string? Cron, string? TimeZone)
{
    public static WorkflowTrigger Manual { get; } = new(TriggerTypes.Manual, null, [], null, null, null);
}

public static class TriggerTypes
{
    public const string RecordCreated = "recordCreated";
    public const string RecordUpdated = "recordUpdated";
    public const string RecordDeleted = "recordDeleted";
    public const string Schedule = "schedule";
    public const string Manual = "manual";

    public static IReadOnlyList<string> All { get; } = [RecordCreated, RecordUpdated, RecordDeleted, Schedule, Manual];
}

/// <summary>The identity record activities use instead of the triggering user: a role (permissions and field security as for a user holding only it).</summary>
public sealed record RunAs(string Role);
