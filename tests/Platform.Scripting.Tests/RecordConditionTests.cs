using System.Text.Json.Nodes;
using Platform.Metadata.Definitions.Screens;
using Platform.Records.Scripting;

namespace Platform.Scripting.Tests;

/// <summary>The server reads a condition as the browser does (designer/src/forms/conditions.ts) on the record service's values.</summary>
public class RecordConditionTests
{
    private static readonly Dictionary<string, object?> Record = new()
    {
        ["status"] = "qualified", ["amount"] = 1200m, ["score"] = 30L, ["tags"] = new[] { "key", "hot" },
        ["account"] = Guid.Parse("0190a000-0000-7000-8000-000000000001"), ["close"] = new DateOnly(2026, 3, 1), ["note"] = "",
        ["done"] = false,
    };

    private static FormCondition Compare(string field, string op, JsonNode? value = null) => new() { Field = field, Op = op, Value = value };

    public static TheoryData<FormCondition, bool> Cases => new()
    {
        { Compare("status", "ne", "converted"), true },
        { Compare("status", "eq", "converted"), false },
        { Compare("status", "in", new JsonArray("new", "qualified")), true },
        { Compare("status", "notIn", new JsonArray("new", "qualified")), false },
        { Compare("amount", "gt", 1000), true },
        { Compare("amount", "eq", "1200"), true },
        { Compare("score", "lt", 10), false },
        { Compare("tags", "eq", "hot"), true },
        { Compare("account", "eq", "0190a000-0000-7000-8000-000000000001"), true },
        { Compare("close", "lt", "2026-04-01"), true },
        { Compare("note", "empty"), true },
        { Compare("missing", "empty"), true },
        { Compare("missing", "ne", "converted"), true },
        { Compare("done", "eq", false), true },
        { new FormCondition { And = [Compare("status", "ne", "converted"), Compare("note", "notEmpty")] }, false },
        { new FormCondition { Or = [Compare("status", "eq", "converted"), Compare("amount", "gt", 100)] }, true },
        { new FormCondition { Not = Compare("status", "eq", "qualified") }, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Holds_as_the_browser_reads_it(FormCondition condition, bool expected) =>
        Assert.Equal(expected, RecordCondition.Holds(condition, Record));
}
