using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>Reads a module's security documents: security/roles, security/teams and security/business-units.</summary>
internal static class ModuleSecurityDocuments
{
    public sealed record Result(
        IReadOnlyList<SourcedDocument<RoleDefinition>> Roles,
        IReadOnlyList<SourcedDocument<TeamDefinition>> Teams,
        IReadOnlyList<SourcedDocument<BusinessUnitDefinition>> BusinessUnits,
        IReadOnlyList<DefinitionError> Errors);

    public static async Task<Result> LoadAsync(string moduleFolder, CancellationToken ct)
    {
        var errors = new List<DefinitionError>();
        var roles = await ReadAllAsync<RoleDefinition>(moduleFolder, ModuleLayout.RolesFolder, DocumentKind.Role, errors, ct);
        var teams = await ReadAllAsync<TeamDefinition>(moduleFolder, ModuleLayout.TeamsFolder, DocumentKind.Team, errors, ct);
        var units = await ReadAllAsync<BusinessUnitDefinition>(moduleFolder, ModuleLayout.BusinessUnitsFolder, DocumentKind.BusinessUnit, errors, ct);
        return new Result(roles, teams, units, errors);
    }

    private static async Task<IReadOnlyList<SourcedDocument<T>>> ReadAllAsync<T>(
        string moduleFolder, string folder, DocumentKind kind, List<DefinitionError> errors, CancellationToken ct) where T : class
    {
        var path = Path.Combine(moduleFolder, folder);
        if (!Directory.Exists(path)) return [];
        var files = Directory.EnumerateFiles(path, "*" + ModuleLayout.DocumentExtension).Order(StringComparer.Ordinal).ToList();
        var reads = await Task.WhenAll(files.Select(file => DocumentReader.ReadAsync<T>(kind, file, file, ct)));
        errors.AddRange(reads.SelectMany(r => r.Errors));
        return files.Zip(reads).Where(r => r.Second.Document is not null)
            .Select(r => new SourcedDocument<T>(r.First, r.Second.Document!)).ToList();
    }
}
