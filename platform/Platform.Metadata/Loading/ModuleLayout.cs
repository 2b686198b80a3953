namespace Platform.Metadata.Loading;

/// <summary>Where documents live in a module folder.</summary>
public static class ModuleLayout
{
    public const string ManifestFile = "module.json";
    public const string EntitiesFolder = "entities";
    public const string DocumentExtension = ".json";
    public const string RolesFolder = "security/roles";
    public const string TeamsFolder = "security/teams";
    public const string BusinessUnitsFolder = "security/business-units";

    public static string ManifestPath(string moduleFolder) => Path.Combine(moduleFolder, ManifestFile);

    public static string EntityPath(string moduleFolder, string entityName) =>
        Path.Combine(moduleFolder, EntitiesFolder, entityName + DocumentExtension);

    /// <summary>The file name errors use for a module that was not loaded from a folder, e.g. "sales/module.json".</summary>
    public static string VirtualManifestFile(string moduleId) => $"{moduleId}/{ManifestFile}";

    /// <summary>The file name errors use for an entity that was not loaded from a folder, e.g. "sales/entities/opportunity.json".</summary>
    public static string VirtualEntityFile(string moduleId, string entityName) => $"{moduleId}/{EntitiesFolder}/{entityName}{DocumentExtension}";

    /// <summary>The path of a named document in one of the module's document folders.</summary>
    public static string DocumentPath(string moduleFolder, string folder, string name) =>
        Path.Combine(moduleFolder, folder, name + DocumentExtension);

    /// <summary>The file name errors use for a document that was not loaded from a folder, e.g. "crm-core/security/roles/admin.json".</summary>
    public static string VirtualDocumentFile(string moduleId, string folder, string name) => $"{moduleId}/{folder}/{name}{DocumentExtension}";
}
