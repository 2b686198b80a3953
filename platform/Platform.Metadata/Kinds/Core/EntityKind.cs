using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Core;

/// <summary>
/// entities/&lt;name&gt;.json. An entity document that fails its schema is still checked by the semantic rules as far
/// as it can be read (<see cref="EntitySalvage"/>), so one pass reports all its mistakes.
/// </summary>
internal sealed class EntityKind : DocumentKind<EntityDefinition>
{
    public override string Name => "entity";

    public override string Folder => ModuleLayout.EntitiesFolder;

    public override string NameOf(EntityDefinition document) => document.Name;

    internal override IReadOnlyList<SourcedDocument<EntityDefinition>> Read(ModuleDefinition module) => module.Entities;

    internal override ModuleDefinition Store(ModuleDefinition module, IReadOnlyList<SourcedDocument<EntityDefinition>> documents) =>
        module with { Entities = documents };

    internal override async Task LoadAsync(ModuleLoadContext context, CancellationToken ct)
    {
        var files = KindFiles.In(context.Folder, Folder);
        var reads = await Task.WhenAll(files.Select(file => DocumentReader.ReadAsync<EntityDefinition>(this, file, file, ct)));
        context.Errors.AddRange(reads.SelectMany(r => r.Errors));
        var loaded = files.Zip(reads).ToList();
        context.Module = Store(context.Module, loaded.Where(e => e.Second.Document is not null)
            .Select(e => new SourcedDocument<EntityDefinition>(e.First, e.Second.Document!)).ToList());
        // A document that parsed but failed its schema is still checked by the semantic rules, as far as it can be read.
        var salvaged = loaded.Where(e => e.Second is { Document: null, Json: { } })
            .Select(e => EntitySalvage.Salvage(e.First, e.Second.Json!, e.Second.Errors))
            .OfType<SalvagedEntity>()
            .ToList();
        context.Salvaged.AddRange(salvaged);
        context.BrokenEntities.AddRange(loaded.Where(e => e.Second.Document is null && salvaged.All(s => s.File != e.First))
            .Select(e => Path.GetFileNameWithoutExtension(e.First)));
    }

    internal override IEnumerable<DefinitionError> Validate(ValidationContext context) =>
        EntitySetRules.Check(context).Concat(context.Entities.SelectMany(entry =>
            EntityRules.Check(entry).Concat(FieldDefinitionRules.Check(entry)).Concat(ActionRules.Check(entry)).Concat(EncryptionRules.Check(entry)).Concat(ReferenceRules.Check(context, entry))));

    internal override Task WriteAsync(ModuleDefinition module, string moduleFolder, CancellationToken ct)
    {
        // Every module folder has an entities folder, even an empty one, as scaffolds and hand-written modules do.
        Directory.CreateDirectory(Path.Combine(moduleFolder, Folder));
        return base.WriteAsync(module, moduleFolder, ct);
    }

    internal override (string Key, object Value)? VersionPart(ModuleDefinition module) =>
        ("entities", module.Entities.Select(e => e.Document).OrderBy(e => e.Name, StringComparer.Ordinal).ToList());
}
