namespace Platform.Benchmarks.Workflows;

/// <summary>The workflow documents the workflow cases publish.</summary>
public static class BenchWorkflowDocs
{
    /// <summary>recordUpdated on account (employees changed) whose condition never holds: delivered, evaluated, starts nothing.</summary>
    public const string FalseCondition = """
        { "schemaVersion": 1, "id": "never", "label": { "en": "never" },
          "trigger": { "type": "recordUpdated", "entity": "account", "fields": ["employees"], "condition": "record.employees < 0" },
          "root": { "type": "Flowchart", "activities": [ { "id": "a", "type": "SetVariable", "name": "x", "value": 1 } ], "connections": [] } }
        """;

    /// <summary>recordUpdated on account (employees changed), no condition: a short two-step flow per update.</summary>
    public const string ShortFlow = """
        { "schemaVersion": 1, "id": "touch", "label": { "en": "touch" },
          "trigger": { "type": "recordUpdated", "entity": "account", "fields": ["employees"] },
          "root": { "type": "Flowchart",
            "activities": [ { "id": "a", "type": "SetVariable", "name": "seen", "value": true },
                            { "id": "b", "type": "SetVariable", "name": "done", "value": true } ],
            "connections": [ { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } } ] } }
        """;

    /// <summary>Manual, five activities in a row, none of which waits.</summary>
    public const string FiveSteps = """
        { "schemaVersion": 1, "id": "five", "label": { "en": "five" },
          "trigger": { "type": "manual" },
          "root": { "type": "Flowchart",
            "activities": [ { "id": "s1", "type": "SetVariable", "name": "v1", "value": 1 },
                            { "id": "s2", "type": "SetVariable", "name": "v2", "value": 2 },
                            { "id": "s3", "type": "SetVariable", "name": "v3", "value": 3 },
                            { "id": "s4", "type": "SetVariable", "name": "v4", "value": 4 },
                            { "id": "s5", "type": "SetVariable", "name": "v5", "value": 5 } ],
            "connections": [ { "source": { "activity": "s1", "port": "Done" }, "target": { "activity": "s2", "port": "In" } },
                             { "source": { "activity": "s2", "port": "Done" }, "target": { "activity": "s3", "port": "In" } },
                             { "source": { "activity": "s3", "port": "Done" }, "target": { "activity": "s4", "port": "In" } },
                             { "source": { "activity": "s4", "port": "Done" }, "target": { "activity": "s5", "port": "In" } } ] } }
        """;

    /// <summary>Manual: waits an hour (the case moves every timer's due time to one instant), then one step.</summary>
    public const string Timer = """
        { "schemaVersion": 1, "id": "later", "label": { "en": "later" },
          "trigger": { "type": "manual" },
          "root": { "type": "Flowchart",
            "activities": [ { "id": "wait", "type": "Delay", "duration": "PT1H" },
                            { "id": "after", "type": "SetVariable", "name": "done", "value": true } ],
            "connections": [ { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "after", "port": "In" } } ] } }
        """;

    /// <summary>Manual, five activities: two steps, an approval by the administrator (decided through the API), two steps.</summary>
    public const string FiveStepsWithApproval = """
        { "schemaVersion": 1, "id": "five-approved", "label": { "en": "five-approved" },
          "trigger": { "type": "manual" },
          "root": { "type": "Flowchart",
            "activities": [ { "id": "s1", "type": "SetVariable", "name": "v1", "value": 1 },
                            { "id": "s2", "type": "SetVariable", "name": "v2", "value": 2 },
                            { "id": "approve", "type": "Approval", "approvers": [ { "user": "admin" } ], "mode": "any", "subject": "Benchmark approval" },
                            { "id": "s4", "type": "SetVariable", "name": "v4", "value": 4 },
                            { "id": "s5", "type": "SetVariable", "name": "v5", "value": 5 } ],
            "connections": [ { "source": { "activity": "s1", "port": "Done" }, "target": { "activity": "s2", "port": "In" } },
                             { "source": { "activity": "s2", "port": "Done" }, "target": { "activity": "approve", "port": "In" } },
                             { "source": { "activity": "approve", "port": "Approved" }, "target": { "activity": "s4", "port": "In" } },
                             { "source": { "activity": "s4", "port": "Done" }, "target": { "activity": "s5", "port": "In" } } ] } }
        """;
}
