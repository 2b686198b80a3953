using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Core;

/// <summary>
/// The script files entity documents reference (hooks, actions) and the libraries module.json declares: read after the
/// manifest and the entities, since they say which files belong to the module.
/// </summary>
internal sealed class ScriptKind : DocumentKind
{
    public override string Name => "script";

    public override string? SchemaFile => null;

    internal override async Task LoadAsync(ModuleLoadContext context, CancellationToken ct)
    {
        // Without a manifest its libraries are unknown; the module is not installed anyway.
        if (!context.ManifestLoaded) return;
        var (scripts, errors) = await ModuleScripts.LoadAsync(context.Folder, context.Module.Manifest, context.Module.Entities, ct);
        context.Errors.AddRange(errors);
        context.Module = context.Module with { Scripts = scripts };
    }

    internal override IEnumerable<DefinitionError> Validate(ValidationContext context) => ScriptRules.Check(context);

    internal override async Task WriteAsync(ModuleDefinition module, string moduleFolder, CancellationToken ct)
    {
        foreach (var (path, code) in module.Scripts)
        {
            var file = Path.Combine(moduleFolder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, code, ct);
        }
    }

    internal override IEnumerable<DefinitionFile> Files(ModuleDefinition module) =>
        module.Scripts.Select(s => new DefinitionFile(Title, $"{module.Id}/{s.Key}", s.Value));

    internal override (string Key, object Value)? VersionPart(ModuleDefinition module) =>
        ("scripts", module.Scripts.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new { Path = s.Key, Text = s.Value }).ToList());
}
