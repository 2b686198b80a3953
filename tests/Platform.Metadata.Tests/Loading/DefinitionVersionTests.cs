using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;
using Platform.TestSupport;

namespace Platform.Metadata.Tests.Loading;

/// <summary>
/// What identifies a tenant's definitions: every document and every script or library file, hashed in full, so that
/// tenants share cached state only when all of it is equal, and an edit to one script file is a change.
/// </summary>
public sealed class DefinitionVersionTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("definition-version-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Equal_documents_and_scripts_have_the_same_version_and_no_changes()
    {
        var shipped = await LoadAsync(Copy("a"));
        var copy = await LoadAsync(Copy("b"));

        Assert.Equal(shipped.Version, copy.Version);
        Assert.Empty(DefinitionChanges.Between(shipped, copy));
    }

    [Fact]
    public async Task A_script_only_edit_is_a_new_version_and_names_the_script()
    {
        var shipped = await LoadAsync(Copy("a"));
        var folders = Copy("b");
        await File.WriteAllTextAsync(Path.Combine(folders[1], "scripts", "opportunity-rules.js"), "errors.add('name', 'no');\n");
        var edited = await LoadAsync(folders);

        Assert.NotEqual(shipped.Version, edited.Version);
        Assert.Equal([new DefinitionChange("script", DefinitionChangeKind.Changed, "sales/scripts/opportunity-rules.js")], DefinitionChanges.Between(shipped, edited));
    }

    [Fact]
    public async Task A_library_only_edit_is_a_new_version()
    {
        var shipped = await LoadAsync(Copy("a"));
        var folders = Copy("b");
        var library = Path.Combine(folders[1], "scripts", "lib", "lead-scoring.js");
        await File.AppendAllTextAsync(library, "\n// edited\n");
        var edited = await LoadAsync(folders);

        Assert.NotEqual(shipped.Version, edited.Version);
        Assert.Equal("SCRIPT CHANGED: sales/scripts/lib/lead-scoring.js", Assert.Single(DefinitionChanges.Between(shipped, edited)).ToString());
    }

    [Fact]
    public async Task A_security_document_edit_is_a_new_version_and_names_the_document()
    {
        var shipped = await LoadAsync(Copy("a"));
        var folders = Copy("b");
        var role = Path.Combine(folders[0], "security", "roles", "read-only.json");
        await File.WriteAllTextAsync(role, (await File.ReadAllTextAsync(role)).Replace("Reads every record", "Reads (edited) every record"));
        var edited = await LoadAsync(folders);

        Assert.NotEqual(shipped.Version, edited.Version);
        Assert.Equal("ROLE CHANGED: crm-core/security/roles/read-only.json", Assert.Single(DefinitionChanges.Between(shipped, edited)).ToString());
    }

    [Fact]
    public async Task A_form_or_view_edit_is_a_new_version_and_names_the_file()
    {
        var shipped = await LoadAsync(Copy("a"));
        var folders = Copy("b");
        var form = Path.Combine(folders[1], "forms", "opportunity.json");
        await File.WriteAllTextAsync(form, (await File.ReadAllTextAsync(form)).Replace("\"timeline\": true", "\"timeline\": false"));
        File.Delete(Path.Combine(folders[1], "views", "opportunity-won.json"));
        var edited = await LoadAsync(folders);

        Assert.NotEqual(shipped.Version, edited.Version);
        Assert.Equal(["FORM CHANGED: sales/forms/opportunity.json", "VIEW REMOVED: sales/views/opportunity-won.json"],
            DefinitionChanges.Between(shipped, edited).Select(c => c.ToString()));
    }

    [Fact]
    public async Task The_version_is_a_full_sha256_not_a_prefix()
    {
        var version = (await LoadAsync(Copy("a"))).Version;

        Assert.Matches("^[0-9a-f]{64}$", version);
    }

    private string[] Copy(string name) => new[] { "crm-core", "sales" }.Select(module =>
    {
        var source = Path.Combine(RepositoryPaths.Modules, module);
        var target = Path.Combine(_temp, name, module);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }).ToArray();

    private static async Task<DefinitionSet> LoadAsync(string[] folders)
    {
        var result = await ModuleSetLoader.LoadAsync(folders);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Set!;
    }
}
