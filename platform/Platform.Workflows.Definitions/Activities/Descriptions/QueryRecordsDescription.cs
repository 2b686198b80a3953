using System.Text.Json.Nodes;
using Platform.Workflows.Definitions;

namespace Platform.Workflows.Activities;

/// <summary>The description of the QueryRecords activity type (what the validator needs); <c>QueryRecordsActivity</c> runs it.</summary>
public class QueryRecordsDescription : IActivityDescription
{
    public string Type => "QueryRecords";
    public string Description => "Reads up to 'top' (default 50, at most 1000) records of 'entity' matching the OData 'filter' into resultVariable.";
    public IReadOnlyList<ActivityInput> Inputs { get; } =
    [
        new("entity", "The entity.", InputSchemas.String(), Required: true),
        new("filter", "An OData $filter.", InputSchemas.String()),
        new("top", "How many records at most.", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1000 }),
        new("resultVariable", "Where the list of records goes.", InputSchemas.String(), Required: true, LiteralOnly: true),
    ];
    public IReadOnlyList<string> Ports(ActivityNode node) => [Activities.Ports.Done];
}
