using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

public sealed class NewModuleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Scaffolds_a_module_that_validates()
    {
        var run = await CliHarness.RunAsync("new", "module", "field-service", "--dir", _temp.Path);

        CliHarness.AssertExit(0, run);
        var folder = _temp.Combine("field-service");
        Assert.True(File.Exists(Path.Combine(folder, "module.json")));
        Assert.Contains(folder, run.Out);
        var validate = await CliHarness.RunAsync("validate", folder);
        CliHarness.AssertExit(0, validate);
        Assert.Equal("1 module, 1 entity valid.", validate.Out.Trim());
    }

    [Fact]
    public async Task An_invalid_id_is_one_line_and_exit_1()
    {
        var run = await CliHarness.RunAsync("new", "module", "Field_Service", "--dir", _temp.Path);

        CliHarness.AssertExit(1, run);
        Assert.StartsWith("error: ", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_left_alone()
    {
        CliHarness.AssertExit(0, await CliHarness.RunAsync("new", "module", "field-service", "--dir", _temp.Path));

        var run = await CliHarness.RunAsync("new", "module", "field-service", "--dir", _temp.Path);

        CliHarness.AssertExit(1, run);
        Assert.Contains("already exists", run.Error);
    }

    public void Dispose() => _temp.Dispose();
}
