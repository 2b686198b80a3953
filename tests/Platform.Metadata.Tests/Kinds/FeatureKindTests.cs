using Microsoft.Extensions.DependencyInjection;
using Platform.Metadata.Definitions;
using Platform.Metadata.Kinds;
using Platform.Metadata.Loading;

namespace Platform.Metadata.Tests.Kinds;

/// <summary>
/// A kind registered from outside Platform.Metadata (<see cref="NoteKind"/>) is read against its own schema, checked
/// against the entities, exported, planned and versioned like the core kinds, with no edit to Platform.Metadata.
/// </summary>
public sealed class FeatureKindTests : IDisposable
{
    private static readonly NoteKind Notes = new();
    private static readonly DocumentKindCatalog WithNotes = new([Notes]);
    private readonly string _temp = Directory.CreateTempSubdirectory("feature-kind-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task A_registered_kind_loads_its_folder_and_reads_back_typed()
    {
        var folders = Copy("a");
        await WriteNoteAsync(folders, "pipeline", """{ "name": "pipeline", "entity": "opportunity", "fields": ["stage", "amount"], "text": "Review weekly" }""");

        var set = await LoadAsync(folders, WithNotes);

        var note = Assert.Single(set.Documents(Notes));
        Assert.Equal(["stage", "amount"], note.Fields);
        Assert.Equal("Review weekly", note.Text);
        Assert.Equal(Path.Combine(folders[1], "notes", "pipeline.json"), Assert.Single(Notes.Documents(set.Modules[1])).File);
    }

    [Fact]
    public async Task Schema_and_reference_errors_of_a_registered_kind_name_file_and_pointer_all_at_once()
    {
        var folders = Copy("a");
        await WriteNoteAsync(folders, "bad-schema", """{ "name": "bad-schema", "entity": "opportunity", "colour": "red" }""");
        await WriteNoteAsync(folders, "bad-refs", """{ "name": "bad-refs", "entity": "opportunity", "fields": ["stage", "stag"] }""");
        await WriteNoteAsync(folders, "no-entity", """{ "name": "no-entity", "entity": "invoice" }""");

        var result = await ModuleSetLoader.LoadAsync(folders, [], WithNotes);

        Assert.False(result.Succeeded);
        var errors = result.Errors.Select(e => (Path.GetFileName(e.File), e.Pointer)).ToList();
        Assert.Contains(("bad-schema.json", "/colour"), errors);
        Assert.Contains(("bad-refs.json", "/fields/1"), errors);
        Assert.Contains(("no-entity.json", "/entity"), errors);
        Assert.Contains(result.Errors, e => e.Pointer == "/fields/1" && e.Message == "opportunity has no field 'stag'");
    }

    [Fact]
    public async Task A_document_must_be_named_after_its_file_and_its_name_unique()
    {
        var folders = Copy("a");
        await WriteNoteAsync(folders, "one", """{ "name": "two", "entity": "opportunity" }""");
        Directory.CreateDirectory(Path.Combine(folders[0], "notes"));
        await File.WriteAllTextAsync(Path.Combine(folders[0], "notes", "two.json"), """{ "name": "two", "entity": "account" }""");

        var errors = (await ModuleSetLoader.LoadAsync(folders, [], WithNotes)).Errors;

        Assert.Contains(errors, e => e.File.EndsWith("one.json", StringComparison.Ordinal) && e.Message.Contains("must be in a file named two.json", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith(Path.Combine("sales", "notes", "one.json"), StringComparison.Ordinal) && e.Message.Contains("is also declared in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_kind_registered_its_folder_is_left_alone()
    {
        var folders = Copy("a");
        await WriteNoteAsync(folders, "pipeline", """{ "not": "a note" }""");

        var set = await LoadAsync(folders, DocumentKindCatalog.Default);

        Assert.Empty(set.Documents(Notes));
    }

    [Fact]
    public async Task Export_writes_the_kind_back_and_removes_stale_files()
    {
        var folders = Copy("a");
        await WriteNoteAsync(folders, "pipeline", """{ "name": "pipeline", "entity": "opportunity", "fields": ["stage"] }""");
        var set = await LoadAsync(folders, WithNotes);
        var target = Path.Combine(_temp, "export");
        Directory.CreateDirectory(Path.Combine(target, "sales", "notes"));
        await File.WriteAllTextAsync(Path.Combine(target, "sales", "notes", "gone.json"), "{}");

        foreach (var module in set.Modules) await ModuleWriter.WriteAsync(module, Path.Combine(target, module.Id), WithNotes);
        var reloaded = await LoadAsync([Path.Combine(target, "crm-core"), Path.Combine(target, "sales")], WithNotes);

        Assert.Equal(["pipeline.json"], Directory.GetFiles(Path.Combine(target, "sales", "notes")).Select(Path.GetFileName));
        Assert.Equal(set.Version, reloaded.Version);
        Assert.Empty(DefinitionChanges.Between(set, reloaded));
    }

    [Fact]
    public async Task A_changed_document_of_the_kind_is_a_new_version_and_plan_names_its_file()
    {
        var before = Copy("a");
        await WriteNoteAsync(before, "pipeline", """{ "name": "pipeline", "entity": "opportunity" }""");
        var after = Copy("b");
        await WriteNoteAsync(after, "pipeline", """{ "name": "pipeline", "entity": "opportunity", "text": "edited" }""");
        await WriteNoteAsync(after, "added", """{ "name": "added", "entity": "opportunity" }""");

        var current = await LoadAsync(before, WithNotes);
        var target = await LoadAsync(after, WithNotes);

        Assert.NotEqual(current.Version, target.Version);
        Assert.Equal(["NOTE ADDED: sales/notes/added.json", "NOTE CHANGED: sales/notes/pipeline.json"],
            DefinitionChanges.Between(current, target).Select(c => c.ToString()));
    }

    [Fact]
    public async Task Schema_history_keeps_the_documents_of_the_kind_and_the_version()
    {
        var folders = Copy("a");
        await WriteNoteAsync(folders, "pipeline", """{ "name": "pipeline", "entity": "opportunity" }""");
        var set = await LoadAsync(folders, WithNotes);

        // What SchemaApplier writes and SchemaHistory reads back.
        var stored = new DefinitionSet(DefinitionJson.Deserialize<List<ModuleDefinition>>(DefinitionJson.Serialize(set.Modules)));

        Assert.Equal(set.Version, stored.Version);
        Assert.Equal("pipeline", Assert.Single(stored.Documents(Notes)).Name);
    }

    [Fact]
    public void Kinds_registered_through_DI_join_the_core_and_standard_kinds()
    {
        using var provider = new ServiceCollection().AddDocumentKind<NoteKind>().AddDocumentKind<NoteKind>().BuildServiceProvider();

        var catalog = provider.GetRequiredService<DocumentKindCatalog>();

        Assert.Equal(DocumentKindCatalog.Default.Kinds.Append(catalog.Find("note")!), catalog.Kinds);
        Assert.IsType<NoteKind>(catalog.Find("note"));
    }

    [Fact]
    public void Two_kinds_may_not_share_a_name_or_a_folder()
    {
        var name = Assert.Throws<ArgumentException>(() => new DocumentKindCatalog([new NamedLikeEntities()]));
        var folder = Assert.Throws<ArgumentException>(() => new DocumentKindCatalog([new ReadingRoles()]));

        Assert.Contains("'entity'", name.Message, StringComparison.Ordinal);
        Assert.Contains("'security/roles'", folder.Message, StringComparison.Ordinal);
    }

    private sealed class NamedLikeEntities : DocumentKind<NoteDocument>
    {
        public override string Name => "entity";
        public override string Folder => "other";
        public override string NameOf(NoteDocument document) => document.Name;
    }

    private sealed class ReadingRoles : DocumentKind<NoteDocument>
    {
        public override string Name => "role-note";
        public override string Folder => "security/roles";
        public override string NameOf(NoteDocument document) => document.Name;
    }

    private string[] Copy(string name) => FixturePaths.ModuleFolders("valid").Select(module =>
    {
        var target = Path.Combine(_temp, name, Path.GetFileName(module));
        foreach (var file in Directory.EnumerateFiles(module, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(module, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }).ToArray();

    private static async Task WriteNoteAsync(string[] folders, string name, string json)
    {
        var folder = Path.Combine(folders[1], "notes");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), json);
    }

    private static async Task<DefinitionSet> LoadAsync(IEnumerable<string> folders, DocumentKindCatalog kinds)
    {
        var result = await ModuleSetLoader.LoadAsync(folders, [], kinds);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Set!;
    }
}
