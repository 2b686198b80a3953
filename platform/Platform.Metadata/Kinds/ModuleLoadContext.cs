using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Loading;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds;

/// <summary>One module folder being loaded: each kind in turn reads its files into <see cref="Module"/> and adds its errors.</summary>
internal sealed class ModuleLoadContext(string folder, string folderName)
{
    public string Folder { get; } = folder;

    /// <summary>
    /// The module read so far. Until module.json has loaded its manifest stands in with the folder's name, so the
    /// other kinds still load and report their errors in the same pass.
    /// </summary>
    public ModuleDefinition Module { get; set; } = new()
    {
        Manifest = new ModuleManifest { Id = folderName, Version = "0.0.0" }, SourcePath = folder,
    };

    /// <summary>False when module.json did not load; the module is then not installed, only its errors reported.</summary>
    public bool ManifestLoaded { get; set; }

    /// <summary>module.json as parsed, when it parsed: its id names a broken module.</summary>
    public JsonNode? ManifestJson { get; set; }

    public List<DefinitionError> Errors { get; } = [];

    /// <summary>Entities whose documents did not load at all, by file name.</summary>
    public List<string> BrokenEntities { get; } = [];

    /// <summary>Entity documents that failed their schema but can be read for the semantic rules.</summary>
    public List<SalvagedEntity> Salvaged { get; } = [];
}
