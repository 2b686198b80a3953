using System.Text.RegularExpressions;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

public sealed partial class ValidateTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [GeneratedRegex(@"^.+\.json:(/[^:]*)?: \S.*$")]
    private static partial Regex ErrorLine();

    [Fact]
    public async Task Shipped_modules_are_valid()
    {
        var run = await CliHarness.RunAsync(["validate", .. CliHarness.ShippedModules]);

        CliHarness.AssertExit(0, run);
        Assert.Equal("2 modules, 6 entities valid.", run.Out.Trim());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Errors_are_printed_as_file_pointer_message_and_exit_1()
    {
        var module = _temp.Combine("broken");
        Directory.CreateDirectory(Path.Combine(module, "entities"));
        await File.WriteAllTextAsync(Path.Combine(module, "module.json"), """{ "id": "broken", "version": "1.0.0" }""");
        var entity = Path.Combine(module, "entities", "thing.json");
        await File.WriteAllTextAsync(entity, """{ "name": "thing", "label": "Thing", "fields": [ { "name": "title", "type": "strng" } ] }""");
        var malformed = _temp.Combine("malformed");
        Directory.CreateDirectory(malformed);
        await File.WriteAllTextAsync(Path.Combine(malformed, "module.json"), """{ "id": """);

        var run = await CliHarness.RunAsync("validate", module, malformed);

        CliHarness.AssertExit(1, run);
        Assert.Equal("", run.Out);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^\d+ errors?\.$", lines[^1]);
        Assert.All(lines[..^1], line => Assert.Matches(ErrorLine(), line));
        Assert.Contains(lines, line => line.StartsWith(entity + ":/fields/0/type: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(Path.Combine(malformed, "module.json") + ":: malformed JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_module_without_its_dependency_is_an_error()
    {
        var run = await CliHarness.RunAsync("validate", CliHarness.ShippedModules[1]);

        CliHarness.AssertExit(1, run);
        Assert.Contains(Path.Combine(CliHarness.ShippedModules[1], "module.json") + ":/dependsOn", run.Error);
    }

    [Fact]
    public async Task Every_broken_chart_of_a_dashboard_is_printed_at_once_with_its_file_and_pointer()
    {
        var modules = ModuleCopies.CopyShipped(_temp.Path);
        var dashboard = Path.Combine(modules[1], "dashboards", "sales-overview.json");
        await File.WriteAllTextAsync(dashboard, """
            { "id": "sales-overview", "label": "Sales", "charts": [
              { "id": "a", "title": "A", "type": "bar", "entity": "invoice", "groupBy": "stage", "measure": { "aggregate": "count" } },
              { "id": "b", "title": "B", "type": "bar", "entity": "opportunity", "groupBy": "stag", "measure": { "aggregate": "count" } },
              { "id": "c", "title": "C", "type": "bar", "entity": "opportunity", "groupBy": "stage", "measure": { "aggregate": "sum", "field": "name" } }
            ] }
            """);

        var run = await CliHarness.RunAsync(["validate", .. modules]);

        CliHarness.AssertExit(1, run);
        Assert.Contains(dashboard + ":/charts/0/entity: 'invoice' is not an entity", run.Error);
        Assert.Contains(dashboard + ":/charts/1/groupBy: opportunity has no field 'stag'", run.Error);
        Assert.Contains(dashboard + ":/charts/2/measure/aggregate: 'sum' needs a number field", run.Error);
    }

    public void Dispose() => _temp.Dispose();
}
