using Platform.Metadata.Loading;

namespace Platform.Metadata.Tests.Loading;

public sealed class ModuleScaffolderTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "metadata-scaffold-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_parent)) Directory.Delete(_parent, recursive: true);
    }

    [Theory]
    [InlineData("crm-sales", "crm_sales_item")]
    [InlineData("platform-tools", "example_item")]
    public async Task A_scaffolded_module_validates(string moduleId, string entityName)
    {
        var folder = await ModuleScaffolder.CreateAsync(_parent, moduleId);

        var result = await ModuleSetLoader.LoadAsync([folder]);

        Assert.Empty(result.Errors);
        var module = Assert.Single(result.Set!.Modules);
        Assert.Equal((moduleId, "0.1.0"), (module.Id, module.Manifest.Version));
        Assert.Equal(entityName, Assert.Single(module.Entities).Document.Name);
        Assert.Equal(Path.Combine(_parent, moduleId), folder);
    }

    [Fact]
    public async Task An_invalid_module_id_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ModuleScaffolder.CreateAsync(_parent, "Sales Module"));
    }

    [Fact]
    public async Task An_existing_non_empty_folder_is_not_overwritten()
    {
        Directory.CreateDirectory(Path.Combine(_parent, "sales"));
        await File.WriteAllTextAsync(Path.Combine(_parent, "sales", "notes.txt"), "mine");

        await Assert.ThrowsAsync<IOException>(() => ModuleScaffolder.CreateAsync(_parent, "sales"));
    }
}
