using Platform.Metadata.Loading;

namespace Platform.Metadata.Tests.Loading;

public sealed class ModuleWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "metadata-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Writing_and_loading_again_gives_an_equal_definition_set()
    {
        var original = await ModuleSetLoader.LoadAsync(FixturePaths.ModuleFolders("valid"));
        Assert.True(original.Succeeded);

        var folders = new List<string>();
        foreach (var module in original.Set.Modules)
        {
            var folder = Path.Combine(_folder, module.Id);
            await ModuleWriter.WriteAsync(module, folder);
            folders.Add(folder);
        }
        var reloaded = await ModuleSetLoader.LoadAsync(folders);

        Assert.Empty(reloaded.Errors);
        Assert.Equal(original.Set.Version, reloaded.Set!.Version);
    }

    [Fact]
    public async Task Plain_labels_stay_plain_and_localized_labels_stay_maps()
    {
        var loaded = await ModuleSetLoader.LoadAsync(FixturePaths.ModuleFolders("valid"));
        var sales = loaded.Set!.Modules.Single(m => m.Id == "sales");

        await ModuleWriter.WriteAsync(sales, _folder);

        var text = await File.ReadAllTextAsync(ModuleLayout.EntityPath(_folder, "opportunity"));
        Assert.Contains("\"label\": \"Prospecting\"", text, StringComparison.Ordinal);
        Assert.Contains("\"zh-CN\": \"商机\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"required\": false", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_optional_lists_are_left_out()
    {
        var loaded = await ModuleSetLoader.LoadAsync(FixturePaths.ModuleFolders("valid"));

        await ModuleWriter.WriteAsync(loaded.Set!.Modules.Single(m => m.Id == "crm-core"), _folder);

        Assert.DoesNotContain("relations", await File.ReadAllTextAsync(ModuleLayout.EntityPath(_folder, "account")), StringComparison.Ordinal);
        Assert.DoesNotContain("dependsOn", await File.ReadAllTextAsync(ModuleLayout.ManifestPath(_folder)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entity_files_of_removed_entities_are_deleted()
    {
        var loaded = await ModuleSetLoader.LoadAsync(FixturePaths.ModuleFolders("valid"));
        var crm = loaded.Set!.Modules.Single(m => m.Id == "crm-core");
        Directory.CreateDirectory(Path.Combine(_folder, ModuleLayout.EntitiesFolder));
        await File.WriteAllTextAsync(ModuleLayout.EntityPath(_folder, "lead"), "{}");

        await ModuleWriter.WriteAsync(crm, _folder);

        Assert.False(File.Exists(ModuleLayout.EntityPath(_folder, "lead")));
        Assert.True(File.Exists(ModuleLayout.EntityPath(_folder, "account")));
    }
}
