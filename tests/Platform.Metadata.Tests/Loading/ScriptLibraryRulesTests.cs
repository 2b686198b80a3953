using Platform.Metadata.Loading;

namespace Platform.Metadata.Tests.Loading;

/// <summary>Libraries declared in module.json and scriptLimits overrides are checked at validate time.</summary>
public sealed class ScriptLibraryRulesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("platform-libraries-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Module(string id, string manifestExtra, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(_root, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"), $$"""{ "id": "{{id}}", "version": "1.0.0"{{manifestExtra}} }""");
        foreach (var (path, content) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            File.WriteAllText(Path.Combine(folder, path), content);
        }
        return folder;
    }

    private static Dictionary<string, string> Widget(string hook) => new()
    {
        ["entities/widget.json"] = """{ "name": "widget", "hooks": { "beforeSave": "scripts/widget.js" }, "fields": [ { "name": "price", "type": "integer" } ] }""",
        ["scripts/widget.js"] = hook,
    };

    [Fact]
    public async Task A_library_of_another_module_is_loaded_and_required_by_name()
    {
        var lib = Module("lib", """, "libraries": { "pricing": "scripts/lib/pricing.js" }""",
            new Dictionary<string, string> { ["scripts/lib/pricing.js"] = "exports.net = function (x) { return x * 0.9; };\nreturn;\n" });
        var app = Module("app", "", Widget("record.price = require('pricing').net(record.price);\n"));

        var result = await ModuleSetLoader.LoadAsync([lib, app]);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains("exports.net", result.Set!.Modules[0].Scripts["scripts/lib/pricing.js"]);
    }

    [Fact]
    public async Task An_unknown_library_a_missing_library_file_and_a_duplicate_name_are_errors()
    {
        var lib = Module("lib", """, "libraries": { "pricing": "scripts/lib/pricing.js", "gone": "scripts/lib/gone.js" }""",
            new Dictionary<string, string> { ["scripts/lib/pricing.js"] = "exports.net = 1;" });
        var other = Module("other", """, "libraries": { "pricing": "scripts/pricing.js" }""",
            new Dictionary<string, string> { ["scripts/pricing.js"] = "exports.x = 1;" });
        var app = Module("app", "", Widget("const x = 1;\nrequire('taxes');\n"));

        var errors = (await ModuleSetLoader.LoadAsync([lib, other, app])).Errors;

        Assert.Contains(errors, e => e.Pointer == "/libraries/gone" && e.Message.Contains("'scripts/lib/gone.js' does not exist"));
        Assert.Contains(errors, e => e.File.EndsWith(Path.Combine("other", "module.json")) && e.Pointer == "/libraries/pricing" && e.Message.Contains("already declared by module 'lib'"));
        Assert.Contains(errors, e => e.File == Path.Combine(app, "scripts/widget.js") && e.Message.StartsWith("line 2: require('taxes') names no library"));
    }

    [Fact]
    public async Task A_syntax_error_in_a_library_names_its_file_and_line()
    {
        var lib = Module("lib", """, "libraries": { "broken": "scripts/lib/broken.js" }""",
            new Dictionary<string, string> { ["scripts/lib/broken.js"] = "exports.a = 1;\nexports.b = ;\n" });
        var errors = (await ModuleSetLoader.LoadAsync([lib])).Errors;
        Assert.Contains(errors, e => e.File == Path.Combine(lib, "scripts/lib/broken.js") && e.Message.StartsWith("syntax error at line 2"));
    }

    [Theory]
    [InlineData("""{ "hook": { "timeoutMs": -1 } }""", "/scriptLimits/hook/timeoutMs", "between 1 and 60000")]
    [InlineData("""{ "action": { "maxMemoryMb": 100000 } }""", "/scriptLimits/action/maxMemoryMb", "between 1 and 512")]
    [InlineData("""{ "hook": { "maxCrmWrites": 0 } }""", "/scriptLimits/hook/maxCrmWrites", "between 1 and 2000")]
    public async Task Script_limit_overrides_out_of_range_are_errors(string limits, string pointer, string message)
    {
        var module = Module("limits", $$""", "scriptLimits": {{limits}}""", new Dictionary<string, string>());
        var errors = (await ModuleSetLoader.LoadAsync([module])).Errors;
        Assert.Contains(errors, e => e.Pointer == pointer && e.Message.Contains(message));
    }

    [Fact]
    public async Task Script_limit_overrides_within_range_are_accepted()
    {
        var module = Module("limits", """, "scriptLimits": { "hook": { "timeoutMs": 2000, "maxCrmWrites": 10 }, "action": { "maxStatements": 50000000 } }""", new Dictionary<string, string>());
        var result = await ModuleSetLoader.LoadAsync([module]);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2000, result.Set!.Modules[0].Manifest.ScriptLimits!.Hook!.TimeoutMs);
    }
}
