using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

/// <summary>validate reads a module's workflows/ with the workflow kind from Platform.Workflows.Definitions (no runtime in the CLI).</summary>
public sealed class WorkflowValidateTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Validate_accepts_a_module_with_a_valid_workflow()
    {
        var modules = ModuleCopies.CopyShipped(_temp.Path);
        await WorkflowFiles.WriteAsync(modules[1], "tag-new-deals", WorkflowFiles.Valid);

        var run = await CliHarness.RunAsync(["validate", .. modules]);

        CliHarness.AssertExit(0, run);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Validate_reports_every_workflow_problem_with_file_and_pointer()
    {
        var modules = ModuleCopies.CopyShipped(_temp.Path);
        var file = await WorkflowFiles.WriteAsync(modules[1], "broken-flow", WorkflowFiles.Broken);

        var run = await CliHarness.RunAsync(["validate", .. modules]);

        CliHarness.AssertExit(1, run);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        AssertLine(lines, file + ":/root/activities/1/type: ", "'Teleport' is not an activity type");
        AssertLine(lines, file + ":/root/connections/0/source/port: ", "has no port 'Later'");
        AssertLine(lines, file + ":/root/connections/1/target/activity: ", "there is no activity 'nowhere'");
        AssertLine(lines, file + ":/root/activities/2/condition/expression: ", "is not a valid expression");
        Assert.Matches(@"^\d+ errors\.$", lines[^1]);
    }

    [Fact]
    public async Task Validate_checks_workflow_trigger_entities_against_the_module_set()
    {
        var modules = ModuleCopies.CopyShipped(_temp.Path);
        var file = await WorkflowFiles.WriteAsync(modules[1], "tag-new-deals", WorkflowFiles.Valid.Replace("\"opportunity\"", "\"spaceship\"", StringComparison.Ordinal));

        var run = await CliHarness.RunAsync(["validate", .. modules]);

        CliHarness.AssertExit(1, run);
        AssertLine(run.Error.Split('\n', StringSplitOptions.TrimEntries), file + ":/trigger/entity: ", "there is no entity 'spaceship'");
    }

    [Fact]
    public async Task Validate_reports_a_template_syntax_error_with_its_file_line_and_column_and_a_missing_template_file()
    {
        var modules = ModuleCopies.CopyShipped(_temp.Path);
        var template = Path.Combine(modules[1], "templates", "broken.scriban");
        Directory.CreateDirectory(Path.GetDirectoryName(template)!);
        await File.WriteAllTextAsync(template, "Hi\n{{ if }}");
        var file = await WorkflowFiles.WriteAsync(modules[1], "tag-new-deals", WorkflowFiles.Valid.Replace(
            "{ \"id\": \"done\", \"type\": \"Finish\" }",
            "{ \"id\": \"done\", \"type\": \"Notify\", \"users\": \"u\", \"message\": { \"template\": \"templates/missing.scriban\" } }",
            StringComparison.Ordinal));

        var run = await CliHarness.RunAsync(["validate", .. modules]);

        CliHarness.AssertExit(1, run);
        var lines = run.Error.Split('\n', StringSplitOptions.TrimEntries);
        AssertLine(lines, template + ":: line 2, column ", "");
        AssertLine(lines, file + ":/root/activities/2/message/template: ", "no template file 'templates/missing.scriban'");
    }

    private static void AssertLine(IEnumerable<string> lines, string prefix, string text) =>
        Assert.Contains(lines, line => line.StartsWith(prefix, StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal));

    public void Dispose() => _temp.Dispose();
}
