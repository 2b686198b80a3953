using System.Globalization;
using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>Creates a new module folder with a manifest and one example entity to start from.</summary>
public static class ModuleScaffolder
{
    public const string InitialVersion = "0.1.0";

    /// <summary>Creates <c>&lt;parentFolder&gt;/&lt;moduleId&gt;/</c> and returns its path.</summary>
    /// <exception cref="ArgumentException">The module id is not valid.</exception>
    /// <exception cref="IOException">The folder already exists and is not empty.</exception>
    public static async Task<string> CreateAsync(string parentFolder, string moduleId, CancellationToken cancellationToken = default)
    {
        if (NameRules.CheckModuleId(moduleId) is { } problem) throw new ArgumentException(problem, nameof(moduleId));
        var folder = Path.Combine(parentFolder, moduleId);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"The folder '{folder}' already exists and is not empty.");

        await ModuleWriter.WriteAsync(Example(moduleId), folder, cancellationToken);
        return folder;
    }

    private static ModuleDefinition Example(string moduleId)
    {
        var entityName = ExampleEntityName(moduleId);
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(moduleId.Replace('-', ' '));
        var entity = new EntityDefinition
        {
            Name = entityName,
            Label = new LocalizedText($"{title} item"),
            PluralLabel = new LocalizedText($"{title} items"),
            PrimaryField = "name",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = FieldType.Text, Label = new LocalizedText("Name"), Required = true, MaxLength = 200 },
                new FieldDefinition
                {
                    Name = "status", Type = FieldType.Choice, Label = new LocalizedText("Status"), Default = "open",
                    Options = [new ChoiceOption { Value = "open", Label = new LocalizedText("Open") }, new ChoiceOption { Value = "closed", Label = new LocalizedText("Closed") }],
                },
                new FieldDefinition { Name = "notes", Type = FieldType.LongText, Label = new LocalizedText("Notes") },
            ],
        };
        return new ModuleDefinition
        {
            Manifest = new ModuleManifest
            {
                Id = moduleId,
                Version = InitialVersion,
                Label = new LocalizedText(title),
                Description = new LocalizedText($"What the {title} module provides."),
            },
            Entities = [new SourcedDocument<EntityDefinition>(ModuleLayout.VirtualEntityFile(moduleId, entityName), entity)],
        };
    }

    /// <summary>Entity names are global, so the example is named after the module to avoid clashes between scaffolds.</summary>
    private static string ExampleEntityName(string moduleId)
    {
        var prefix = string.Join('_', moduleId.Split('-', StringSplitOptions.RemoveEmptyEntries));
        const string suffix = "_item";
        var name = prefix[..Math.Min(prefix.Length, NameRules.MaxLength - suffix.Length)].TrimEnd('_') + suffix;
        return NameRules.CheckEntityName(name) is null ? name : "example" + suffix;
    }
}
