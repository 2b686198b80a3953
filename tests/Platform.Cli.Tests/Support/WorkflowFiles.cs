namespace Platform.Cli.Tests.Support;

/// <summary>Workflow documents written into module copies for CLI tests.</summary>
public static class WorkflowFiles
{
    /// <summary>A valid workflow of the sales module: a new opportunity is tagged after a day.</summary>
    public const string Valid = """
        {
          "schemaVersion": 1,
          "id": "tag-new-deals",
          "trigger": { "type": "recordCreated", "entity": "opportunity" },
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "wait", "type": "Delay", "duration": "P1D" },
              { "id": "check", "type": "If", "condition": { "expression": "record.amount > 1000" } },
              { "id": "done", "type": "Finish" }
            ],
            "connections": [
              { "source": { "activity": "wait" }, "target": { "activity": "check" } },
              { "source": { "activity": "check", "port": "True" }, "target": { "activity": "done" } }
            ]
          }
        }
        """;

    /// <summary>One problem of each sort the CLI must report: an unknown type, an unknown port, a dangling connection, a bad expression.</summary>
    public const string Broken = """
        {
          "schemaVersion": 1,
          "id": "broken-flow",
          "trigger": { "type": "recordCreated", "entity": "opportunity" },
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Delay", "duration": "PT1H" },
              { "id": "teleport", "type": "Teleport" },
              { "id": "check", "type": "If", "condition": { "expression": "record.amount >" } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Later" }, "target": { "activity": "check" } },
              { "source": { "activity": "check", "port": "True" }, "target": { "activity": "nowhere" } },
              { "source": { "activity": "start" }, "target": { "activity": "teleport" } }
            ]
          }
        }
        """;

    public static async Task<string> WriteAsync(string moduleFolder, string id, string json)
    {
        var folder = Path.Combine(moduleFolder, "workflows");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, id + ".json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
