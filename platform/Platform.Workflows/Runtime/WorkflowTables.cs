using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Workflows.Runtime;

/// <summary>
/// A tenant's workflows: definition versions (0 is the draft), instances with their state, bookmarks (a timer is a
/// bookmark with a due time), the execution journal and incidents. Bookmarks, journal and instance state of one step are
/// written in one transaction, so a restart never sees a step half done.
/// </summary>
public sealed class WorkflowTables : IPlatformTables
{
    public const string Definitions = "platform_wf_definitions";
    public const string Instances = "platform_wf_instances";
    public const string Bookmarks = "platform_wf_bookmarks";
    public const string Journal = "platform_wf_journal";
    public const string Incidents = "platform_wf_incidents";

    public static WorkflowTables Instance { get; } = new();

    public IReadOnlyList<TableModel> Tables { get; } =
    [
        new(Definitions,
        [
            new("workflow_id", ValueKind.String, typeof(string), false, MaxLength: 100),
            // 0 is the draft edited through the API; published versions count up from 1 and never change.
            new("version", ValueKind.Integer, typeof(long), false),
            new("json", ValueKind.String, typeof(string), false),
            new("saved_at", ValueKind.DateTime, typeof(DateTime), false),
        ], ["workflow_id", "version"], [], []),
        new(Instances,
        [
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("workflow_id", ValueKind.String, typeof(string), false, MaxLength: 100),
            new("version", ValueKind.Integer, typeof(long), false),
            new("status", ValueKind.String, typeof(string), false, MaxLength: 20),
            new("entity", ValueKind.String, typeof(string), true, MaxLength: 100),
            new("record_id", ValueKind.Guid, typeof(Guid), true),
            // What started it, once: a trigger's delivery key plus the workflow id (unique), so a re-delivery starts nothing.
            new("start_key", ValueKind.String, typeof(string), true, MaxLength: 300),
            new("state", ValueKind.String, typeof(string), false),
            new("lease_owner", ValueKind.String, typeof(string), true, MaxLength: 100),
            new("lease_until", ValueKind.DateTime, typeof(DateTime), true),
            new("created_at", ValueKind.DateTime, typeof(DateTime), false),
            new("updated_at", ValueKind.DateTime, typeof(DateTime), false),
            new("finished_at", ValueKind.DateTime, typeof(DateTime), true),
        ], ["id"],
        [
            new IndexModel("ux_platform_wf_instances_start_key", ["start_key"], true),
            new IndexModel("ix_platform_wf_instances_status", ["status", "lease_until"], false),
            new IndexModel("ix_platform_wf_instances_record", ["record_id"], false),
        ], []),
        new(Bookmarks,
        [
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("instance_id", ValueKind.Guid, typeof(Guid), false),
            new("activity_id", ValueKind.String, typeof(string), false, MaxLength: 100),
            new("name", ValueKind.String, typeof(string), false, MaxLength: 100),
            // Set for timers (Delay, WaitUntil): the poller resumes the bookmark when it is due.
            new("due_at", ValueKind.DateTime, typeof(DateTime), true),
            new("lease_until", ValueKind.DateTime, typeof(DateTime), true),
            new("created_at", ValueKind.DateTime, typeof(DateTime), false),
        ], ["id"],
        [
            new IndexModel("ix_platform_wf_bookmarks_due_at", ["due_at"], false),
            new IndexModel("ix_platform_wf_bookmarks_instance", ["instance_id"], false),
        ], []),
        new(Journal,
        [
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("instance_id", ValueKind.Guid, typeof(Guid), false),
            new("sequence", ValueKind.Integer, typeof(long), false),
            new("activity_id", ValueKind.String, typeof(string), true, MaxLength: 100),
            new("activity_type", ValueKind.String, typeof(string), true, MaxLength: 100),
            // started, completed, suspended, resumed, faulted, cancelled, retried, finished
            new("event", ValueKind.String, typeof(string), false, MaxLength: 20),
            new("outcome", ValueKind.String, typeof(string), true, MaxLength: 100),
            // A summary of inputs and outputs as JSON, cut to a few KB.
            new("summary", ValueKind.String, typeof(string), true),
            new("at", ValueKind.DateTime, typeof(DateTime), false),
        ], ["id"],
        [
            new IndexModel("ix_platform_wf_journal_instance", ["instance_id", "sequence"], false),
        ], []),
        new(Incidents,
        [
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("instance_id", ValueKind.Guid, typeof(Guid), false),
            new("activity_id", ValueKind.String, typeof(string), false, MaxLength: 100),
            new("error", ValueKind.String, typeof(string), false),
            new("created_at", ValueKind.DateTime, typeof(DateTime), false),
            new("resolved_at", ValueKind.DateTime, typeof(DateTime), true),
            new("resolution", ValueKind.String, typeof(string), true, MaxLength: 20),
        ], ["id"],
        [
            new IndexModel("ix_platform_wf_incidents_instance", ["instance_id"], false),
        ], []),
    ];
}
