using System.CommandLine;
using Platform.Audit.Trail;
using Platform.Runtime;
using Platform.Tenancy;

namespace Platform.Cli.Commands;

/// <summary>The options every tenant command shares: which tenant, and where the platform keeps its data.</summary>
internal sealed class StorageArguments
{
    public const string DataDirVariable = "PLATFORM_DATA_DIR";
    public const string ConnectionVariable = "PLATFORM_CONNECTION";
    private const string Sqlite = "sqlite";
    private const string Postgres = "postgres";

    private readonly Option<string> _tenant = new("--tenant", "-t") { Description = "The tenant id.", Required = true };

    private readonly Option<string?> _dataDir = new("--data-dir")
    {
        Description = $"SQLite: the folder holding catalog.db and tenants/ (default: ${DataDirVariable}, else ./data).",
    };

    private readonly Option<string> _provider = new("--provider")
    {
        Description = "Where tenants live.",
        DefaultValueFactory = _ => Sqlite,
    };

    private readonly Option<string?> _connection = new("--connection")
    {
        Description = $"PostgreSQL: the platform database's connection string (default: ${ConnectionVariable}).",
    };

    private readonly bool _withTenantOption;

    /// <param name="withTenantOption">False for commands that name the tenant as an argument or concern no single tenant.</param>
    public StorageArguments(bool withTenantOption = true)
    {
        _withTenantOption = withTenantOption;
        _provider.AcceptOnlyFromAmong(Sqlite, Postgres);
    }

    public void AddTo(Command command)
    {
        if (_withTenantOption) command.Options.Add(_tenant);
        command.Options.Add(_dataDir);
        command.Options.Add(_provider);
        command.Options.Add(_connection);
    }

    /// <summary>The tenant id, checked before anything touches a database.</summary>
    public string Tenant(ParseResult parseResult)
    {
        var id = parseResult.GetRequiredValue(_tenant);
        return TenantId.IsValid(id)
            ? id
            : throw new CliException($"'{id}' is not a valid tenant id: use 1-40 lowercase letters, digits or '-', starting with a letter.");
    }

    public PlatformStorageOptions Storage(ParseResult parseResult, CliContext context)
    {
        var dataDir = parseResult.GetValue(_dataDir);
        var connection = parseResult.GetValue(_connection);
        if (parseResult.GetRequiredValue(_provider) == Postgres)
        {
            if (dataDir is not null) throw new CliException("--data-dir is for SQLite; with --provider postgres give --connection.");
            connection ??= context.GetEnvironmentVariable(ConnectionVariable);
            if (string.IsNullOrWhiteSpace(connection))
                throw new CliException($"--provider postgres needs a connection string: pass --connection or set {ConnectionVariable}.");
            return PlatformStorageOptions.Postgres(connection);
        }
        if (connection is not null) throw new CliException("--connection is for PostgreSQL; add --provider postgres, or use --data-dir for SQLite.");
        dataDir ??= context.GetEnvironmentVariable(DataDirVariable);
        return PlatformStorageOptions.Sqlite(string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir);
    }

    // Security-document changes are audited in the apply's transaction, as on the host.
    // With the encryption key when one is at hand, so an apply renaming encrypted fields can re-seal their values.
    public static ModuleInstaller Installer(TenantCatalog catalog, Platform.Storage.Encryption.FieldCipher? cipher = null) =>
        new(catalog, new TenantRuntimeCache(catalog, cipher), new SecurityDefinitionAudit(), CliDocumentKinds.Catalog);

    public static TenantAdministration Administration(TenantCatalog catalog)
    {
        var runtimes = new TenantRuntimeCache(catalog);
        return new TenantAdministration(catalog, runtimes, new ModuleInstaller(catalog, runtimes, new SecurityDefinitionAudit(), CliDocumentKinds.Catalog));
    }
}
