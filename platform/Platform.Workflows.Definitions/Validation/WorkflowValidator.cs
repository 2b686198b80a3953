using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cronos;
using Platform.Metadata.Definitions;
using Platform.Scripting;
using Platform.Workflows.Activities;
using Platform.Workflows.Definitions;
using Platform.Workflows.Scripts;
using Platform.Workflows.Templates;

namespace Platform.Workflows.Validation;

/// <summary>
/// Checks a workflow document and reports every problem at once with its file and JSON pointer: the shape
/// (schemaVersion 1, id, trigger, a Flowchart root), unknown activity types and inputs, missing required inputs, literal
/// values against each input's JSON Schema, expression and script syntax, connections to unknown activities or ports,
/// and activities no path from a start activity reaches. With the tenant's definitions it also checks trigger entities
/// and fields.
/// </summary>
public sealed partial class WorkflowValidator(IActivityDescriptions registry)
{
    private static readonly HashSet<string> NodeKeys = ["id", "type", "metadata", "runAs"];

    public IReadOnlyList<WorkflowError> Validate(string json, string file, string? expectedId = null, DefinitionSet? definitions = null) =>
        Validate(json, file, expectedId, definitions is null ? null : new WorkflowReferences(definitions.Find, role => definitions.Roles.ContainsKey(role),
            file => ModuleTemplates.Find(definitions.Modules, file) is not null));

    public IReadOnlyList<WorkflowError> Validate(string json, string file, string? expectedId, WorkflowReferences? definitions)
    {
        var errors = new List<WorkflowError>();
        void Error(string pointer, string message) => errors.Add(new WorkflowError(file, pointer, message));
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("The document is not a JSON object.");
        }
        catch (JsonException exception)
        {
            Error("", $"is not valid JSON: {exception.Message}");
            return errors;
        }

        foreach (var (key, _) in root)
            if (key is not ("$schema" or "schemaVersion" or "id" or "label" or "description" or "trigger" or "variables" or "runAs" or "root"))
                Error($"/{Escape(key)}", "is not a property of a workflow");
        if (root["schemaVersion"] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != WorkflowDefinition.CurrentSchemaVersion)
            Error("/schemaVersion", $"must be {WorkflowDefinition.CurrentSchemaVersion} (the only schema version this platform reads)");
        if (root["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || !WorkflowId().IsMatch(id))
            Error("/id", "must be lowercase letters, digits and hyphens, starting with a letter, at most 100 characters");
        else if (expectedId is not null && id != expectedId)
            Error("/id", $"must be '{expectedId}' (the workflow's name)");
        if (root["label"] is { } label && label is not (JsonObject or JsonValue))
            Error("/label", "must be a text or an object of locale to text");
        if (root["variables"] is { } variables && variables is not JsonObject)
            Error("/variables", "must be an object of variable name to initial value");
        if (root["runAs"] is { } runAs && (runAs is not JsonObject || runAs["role"] is not JsonValue role || !role.TryGetValue<string>(out _)))
            Error("/runAs", "must be {\"role\": \"role name\"}");
        else if (root["runAs"]?["role"] is JsonValue named && definitions is not null && !definitions.HasRole((string?)named ?? ""))
            Error("/runAs/role", $"there is no role '{(string?)named}'");

        CheckTrigger(root["trigger"], definitions, Error);
        CheckFlowchart(root["root"], id: (string?)(root["id"] as JsonValue) ?? "workflow", definitions?.HasTemplate, Error);
        return errors;
    }

    private static void CheckTrigger(JsonNode? trigger, WorkflowReferences? definitions, Action<string, string> error)
    {
        if (trigger is null) return;
        if (trigger is not JsonObject obj)
        {
            error("/trigger", "must be an object");
            return;
        }
        var type = (string?)(obj["type"] as JsonValue);
        if (type is null || !TriggerTypes.All.Contains(type))
        {
            error("/trigger/type", $"must be one of {string.Join(", ", TriggerTypes.All)}");
            return;
        }
        foreach (var (key, _) in obj)
            if (key is not ("type" or "entity" or "fields" or "condition" or "cron" or "timeZone"))
                error($"/trigger/{Escape(key)}", $"is not a property of a {type} trigger");
        if (type is TriggerTypes.RecordCreated or TriggerTypes.RecordUpdated or TriggerTypes.RecordDeleted)
        {
            var entityName = (string?)(obj["entity"] as JsonValue);
            EntityDefinition? entity = null;
            if (entityName is null) error("/trigger/entity", "is required for a record trigger");
            else if (definitions is not null && (entity = definitions.FindEntity(entityName)) is null) error("/trigger/entity", $"there is no entity '{entityName}'");
            if (obj["fields"] is { } fields)
            {
                if (type != TriggerTypes.RecordUpdated) error("/trigger/fields", "only a recordUpdated trigger names fields");
                else if (fields is not JsonArray list) error("/trigger/fields", "must be a list of field names");
                else
                    for (var i = 0; i < list.Count; i++)
                        if ((string?)(list[i] as JsonValue) is not { } field) error($"/trigger/fields/{i}", "must be a field name");
                        else if (entity is not null && entity.Fields.All(f => f.Name != field) && !SystemFields.All.Contains(field))
                            error($"/trigger/fields/{i}", $"'{entityName}' has no field '{field}'");
            }
            if (obj["condition"] is { } condition)
            {
                if ((string?)(condition as JsonValue) is not { } code) error("/trigger/condition", "must be a JavaScript expression");
                else if (ScriptSyntax.Check(WorkflowScriptSources.Expression("trigger.condition", code)) is { } syntax)
                    error("/trigger/condition", $"is not a valid expression: {syntax.Message}");
            }
        }
        else if (obj["condition"] is not null) error("/trigger/condition", "only record triggers have a condition");
        if (type == TriggerTypes.Schedule)
        {
            var cron = (string?)(obj["cron"] as JsonValue);
            if (cron is null) error("/trigger/cron", "is required for a schedule trigger");
            else
            {
                try
                {
                    CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
                }
                catch (CronFormatException exception)
                {
                    error("/trigger/cron", $"is not a cron expression: {exception.Message}");
                }
            }
            if ((string?)(obj["timeZone"] as JsonValue) is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                error("/trigger/timeZone", $"'{zone}' is not a known time zone");
        }
    }

    private void CheckFlowchart(JsonNode? node, string id, Func<string, bool>? hasTemplate, Action<string, string> error)
    {
        if (node is not JsonObject root)
        {
            error("/root", "is required: the Flowchart the workflow runs");
            return;
        }
        if ((string?)(root["type"] as JsonValue) != "Flowchart") error("/root/type", "must be \"Flowchart\"");
        if (root["activities"] is not JsonArray activities || activities.Count == 0)
        {
            error("/root/activities", "must list at least one activity");
            return;
        }
        var nodes = new Dictionary<string, (ActivityNode Node, IActivityDescription? Type)>();
        for (var i = 0; i < activities.Count; i++)
        {
            var pointer = $"/root/activities/{i}";
            if (activities[i] is not JsonObject activity) { error(pointer, "must be an object"); continue; }
            var activityId = (string?)(activity["id"] as JsonValue);
            if (activityId is null || !ActivityId().IsMatch(activityId)) { error($"{pointer}/id", "must be letters, digits, '-' or '_', starting with a letter, at most 100 characters"); continue; }
            if (nodes.ContainsKey(activityId)) { error($"{pointer}/id", $"'{activityId}' is used by another activity"); continue; }
            var typeName = (string?)(activity["type"] as JsonValue);
            var type = typeName is null ? null : registry.Find(typeName);
            if (type is null) error($"{pointer}/type", typeName is null ? "is required" : $"'{typeName}' is not an activity type (GET workflows/activity-types lists them)");
            var activityNode = new ActivityNode(activityId, typeName ?? "", activity, i);
            nodes[activityId] = (activityNode, type);
            if (type is not null) CheckInputs(activityNode, type, $"{id}:{activityId}", hasTemplate, error);
        }

        var connections = root["connections"] as JsonArray ?? [];
        if (root["connections"] is { } c && c is not JsonArray) error("/root/connections", "must be a list");
        var edges = new List<(string From, string To)>();
        for (var i = 0; i < connections.Count; i++)
        {
            var pointer = $"/root/connections/{i}";
            var source = CheckEndpoint(connections[i]?["source"], $"{pointer}/source", nodes, error);
            var target = CheckEndpoint(connections[i]?["target"], $"{pointer}/target", nodes, error);
            if (source is { } s && nodes[s.Activity] is { Type: { } sourceType } from && !sourceType.Ports(from.Node).Contains(s.Port))
                error($"{pointer}/source/port", $"'{s.Activity}' ({sourceType.Type}) has no port '{s.Port}'; its ports are {Ports(sourceType.Ports(from.Node))}");
            if (target is { } t && t.Port != Activities.Ports.In)
                error($"{pointer}/target/port", $"activities are entered through 'In', not '{t.Port}'");
            if (source is not null && target is not null) edges.Add((source.Activity, target.Activity));
        }

        var starts = nodes.Keys.Where(n => edges.All(e => e.To != n)).ToList();
        if (starts.Count == 0) error("/root/activities", "every activity has an inbound connection, so none can start the flowchart");
        var reached = new HashSet<string>(starts);
        var pending = new Queue<string>(starts);
        while (pending.TryDequeue(out var current))
            foreach (var edge in edges.Where(e => e.From == current))
                if (reached.Add(edge.To)) pending.Enqueue(edge.To);
        if (starts.Count > 0)
            foreach (var (activityId, (activityNode, _)) in nodes.Where(n => !reached.Contains(n.Key)))
                error(activityNode.Pointer, $"'{activityId}' cannot be reached from where the flowchart starts ({string.Join(", ", starts)})");
    }

    private static Endpoint? CheckEndpoint(JsonNode? node, string pointer, Dictionary<string, (ActivityNode Node, IActivityDescription? Type)> nodes, Action<string, string> error)
    {
        if (node is not JsonObject endpoint || (string?)(endpoint["activity"] as JsonValue) is not { } activity)
        {
            error($"{pointer}/activity", "is required");
            return null;
        }
        if (!nodes.ContainsKey(activity))
        {
            error($"{pointer}/activity", $"there is no activity '{activity}' (dangling connection)");
            return null;
        }
        return new Endpoint(activity, (string?)(endpoint["port"] as JsonValue) ?? (pointer.EndsWith("/source", StringComparison.Ordinal) ? Activities.Ports.Done : Activities.Ports.In));
    }

    private static void CheckInputs(ActivityNode node, IActivityDescription type, string name, Func<string, bool>? hasTemplate, Action<string, string> error)
    {
        var inputs = type.Inputs.ToDictionary(i => i.Name);
        foreach (var (key, value) in node.Properties)
        {
            var pointer = $"{node.Pointer}/{Escape(key)}";
            if (NodeKeys.Contains(key) || type.Settings.Contains(key) || (type is ForkDescription && key == "branches")) continue;
            if (!inputs.TryGetValue(key, out var input))
            {
                error(pointer, $"'{key}' is not an input of {type.Type}; its inputs are {Ports(type.Inputs.Select(i => i.Name).Concat(type.Settings))}");
                continue;
            }
            if (input.LiteralOnly && value is JsonObject { Count: 1 } dynamic && (dynamic.ContainsKey("expression") || dynamic.ContainsKey("template")))
            {
                error(pointer, "must be written as a literal value (not an expression or template)");
                continue;
            }
            if (type is SendEmailDescription && key == SendEmailDescription.TemplateFileInput)
            {
                if (TemplateReference.FilePath((string?)(value as JsonValue) ?? "") is { } file) CheckTemplateFile(file, pointer, hasTemplate, error);
                else error(pointer, $"must name a template file of the modules, e.g. \"{TemplateReference.Folder}/welcome{TemplateReference.Extension}\"");
                if (node.Properties.ContainsKey("body")) error(pointer, "a SendEmail has either a 'body' or a body 'template' file, not both");
                continue;
            }
            CheckValue(type, input, value, pointer, $"{name}.{key}", top: true, hasTemplate, error);
        }
        foreach (var input in type.Inputs.Where(i => i.Required && !node.Properties.ContainsKey(i.Name)))
            error($"{node.Pointer}/{input.Name}", $"is required: {input.Description}");
        foreach (var setting in type.Settings.Where(s => !node.Properties.ContainsKey(s)))
            error($"{node.Pointer}/{setting}", $"is required by {type.Type}");
        if (type is SwitchDescription)
        {
            var names = new HashSet<string>();
            foreach (var (caseName, condition, index) in SwitchDescription.Cases(node))
            {
                var pointer = $"{node.Pointer}/cases/{index}";
                if (caseName.Length == 0 || caseName == Activities.Ports.Default) error($"{pointer}/name", "must be a port name other than Default");
                else if (!names.Add(caseName)) error($"{pointer}/name", $"'{caseName}' names another case too");
                if (condition is null) error($"{pointer}/condition", "is required");
                else CheckExpressions(condition, $"{pointer}/condition", $"{name}.cases.{caseName}", hasTemplate, error);
            }
        }
        if (type is RunScriptDescription && node.Input("script") is JsonValue script && script.TryGetValue<string>(out var code) &&
            ScriptSyntax.Check(WorkflowScriptSources.ScriptBody(name, code)) is { } syntax)
            error($"{node.Pointer}/script", $"is not valid JavaScript: {syntax.Message} (line {Math.Max(1, syntax.Line - 1)})");
        if (type is ForkDescription && node.Input("branches") is { } branches &&
            (branches is not JsonArray list || list.Count == 0 || list.Any(b => (string?)(b as JsonValue) is not { Length: > 0 })))
            error($"{node.Pointer}/branches", "must list port names");
    }

    /// <summary>A literal is checked against the input's schema; expressions are checked for syntax wherever they appear.</summary>
    private static void CheckValue(IActivityDescription type, ActivityInput input, JsonNode? value, string pointer, string name, bool top, Func<string, bool>? hasTemplate, Action<string, string> error)
    {
        if (value is JsonObject { Count: 1 } dynamic && (dynamic.ContainsKey("expression") || dynamic.ContainsKey("template")))
        {
            CheckExpressions(value, pointer, name, hasTemplate, error);
            return;
        }
        if (ContainsExpression(value))
        {
            // An object or list with expressions inside (UpdateRecord values): check them, the shape only at the top.
            CheckExpressions(value, pointer, name, hasTemplate, error);
            if (top && input.Schema["type"] is JsonValue t && (string?)t == "object" && value is not JsonObject) error(pointer, "must be an object");
            return;
        }
        foreach (var problem in InputSchemaCache.For(type, input).Validate(value?.ToJsonString() ?? "null"))
            error(pointer + (problem.Path is { Length: > 1 } path ? path.TrimStart('#').Replace('.', '/') : ""), $"{problem.Kind}{(problem.Property is null ? "" : $" ({problem.Property})")}");
    }

    /// <summary>Without the module set (a draft checked alone) a file cannot be looked up; the tenant's definitions or the modules being validated can.</summary>
    private static void CheckTemplateFile(string file, string pointer, Func<string, bool>? hasTemplate, Action<string, string> error)
    {
        if (hasTemplate is not null && !hasTemplate(file))
            error(pointer, $"there is no template file '{file}': a module must ship it in its {TemplateReference.Folder}/ folder");
    }

    private static bool ContainsExpression(JsonNode? value) => value switch
    {
        JsonObject { Count: 1 } o when o.ContainsKey("expression") || o.ContainsKey("template") => true,
        JsonObject o => o.Any(p => ContainsExpression(p.Value)),
        JsonArray a => a.Any(ContainsExpression),
        _ => false,
    };

    private static void CheckExpressions(JsonNode? value, string pointer, string name, Func<string, bool>? hasTemplate, Action<string, string> error)
    {
        switch (value)
        {
            case JsonObject { Count: 1 } o when o["expression"] is { } expression:
                if ((string?)(expression as JsonValue) is not { } code) error($"{pointer}/expression", "must be a JavaScript expression");
                else if (ScriptSyntax.Check(WorkflowScriptSources.Expression(name, code)) is { } syntax)
                    error($"{pointer}/expression", $"is not a valid expression: {syntax.Message}");
                break;
            case JsonObject { Count: 1 } o when o["template"] is { } template:
                if ((string?)(template as JsonValue) is not { } text) error($"{pointer}/template", "must be a template text");
                else if (TemplateReference.FilePath(text) is { } file)
                    CheckTemplateFile(file, $"{pointer}/template", hasTemplate, error);
                else if (WorkflowTemplateSyntax.Check(text) is { } problem)
                    error($"{pointer}/template", $"is not a valid template: line {problem.Line}, column {problem.Column}: {problem.Reason}");
                break;
            case JsonObject o:
                foreach (var (key, member) in o) CheckExpressions(member, $"{pointer}/{Escape(key)}", $"{name}.{key}", hasTemplate, error);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) CheckExpressions(a[i], $"{pointer}/{i}", $"{name}[{i}]", hasTemplate, error);
                break;
        }
    }

    private static string Ports(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,99}$")]
    private static partial Regex WorkflowId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,99}$")]
    private static partial Regex ActivityId();
}

/// <summary>What a workflow may refer to: the entities and roles of the tenant's definitions (or of the module set being validated).</summary>
/// <param name="HasTemplate">Whether a template file (<c>templates/x.scriban</c>) is installed or shipped; null when unknown.</param>
public sealed record WorkflowReferences(Func<string, EntityDefinition?> FindEntity, Func<string, bool> HasRole, Func<string, bool>? HasTemplate = null);
