using Platform.Metadata.Loading;

namespace Platform.Metadata.Tests.Loading;

public sealed class ModuleScriptsTests
{
    private static string Folder => FixturePaths.File("scripts-broken", "sales");

    [Fact]
    public async Task Missing_files_and_syntax_errors_are_reported_with_file_line_and_column()
    {
        var result = await ModuleLoader.LoadAsync(Folder);

        var entityFile = FixturePaths.File("scripts-broken", "sales", "entities", "deal.json");
        Assert.Contains(result.Errors, e => e.File == entityFile && e.Pointer == "/hooks/afterSave" && e.Message.Contains("'scripts/missing.js' does not exist"));
        Assert.Contains(result.Errors, e => e.File == Path.Combine(Folder, "scripts/deal-rules.js") && e.Message.StartsWith("syntax error at line 2, column"));
        Assert.Contains(result.Errors, e => e.File == entityFile && e.Pointer == "/fields/1/formula" && e.Message.StartsWith("syntax error"));
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public async Task Script_text_is_part_of_the_module_and_is_written_back()
    {
        var module = (await ModuleLoader.LoadAsync(Folder)).Module!;
        Assert.Equal("record.stage = 'closed';\n", module.Scripts["scripts/close.js"]);

        var target = Path.Combine(Path.GetTempPath(), "scripts-" + Guid.NewGuid().ToString("N"));
        try
        {
            await ModuleWriter.WriteAsync(module, target);
            Assert.Equal(module.Scripts["scripts/close.js"], await File.ReadAllTextAsync(Path.Combine(target, "scripts", "close.js")));
            var reloaded = (await ModuleLoader.LoadAsync(target)).Module!;
            Assert.Equal("scripts/deal-rules.js", reloaded.Entities[0].Document.Hooks!.BeforeSave);
            Assert.Equal("scripts/close.js", reloaded.Entities[0].Document.Actions["close"].Script);
            Assert.Equal("record.amount *", reloaded.Entities[0].Document.FindField("double_amount")!.Formula);
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }
}
