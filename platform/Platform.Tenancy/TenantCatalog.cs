using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Storage.Providers;

namespace Platform.Tenancy;

/// <summary>
/// Lists the tenants and where each one's database lives. Lookups are cached in memory because every API
/// request resolves its tenant; changes made through this instance refresh the cache.
/// </summary>
public sealed class TenantCatalog(PlatformStorageOptions options)
{
    private readonly ConcurrentDictionary<string, TenantInfo?> _cache = new();
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public PlatformStorageOptions Options { get; } = options;

    public async Task<TenantInfo?> FindAsync(string id, CancellationToken ct)
    {
        if (_cache.TryGetValue(id, out var cached)) return cached;
        if (!TenantId.IsValid(id)) return null;
        await EnsureCreatedAsync(ct);
        await using var db = CatalogDbContext.Create(Options);
        var row = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        var info = row is null ? null : ToInfo(row);
        // Unknown ids are not cached: the cache would otherwise grow with every guessed tenant name.
        if (info is not null) _cache[id] = info;
        return info;
    }

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await using var db = CatalogDbContext.Create(Options);
        var rows = await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        return rows.Select(ToInfo).ToList();
    }

    /// <summary>The catalog entry as stored now, bypassing (and refreshing) the cache: another node may have suspended or deleted the tenant.</summary>
    public async Task<TenantInfo?> FindCurrentAsync(string id, CancellationToken ct)
    {
        _cache.TryRemove(id, out _);
        return await FindAsync(id, ct);
    }

    /// <summary>Returns the tenant, creating its catalog entry (and placement) when it does not exist yet.</summary>
    public async Task<(TenantInfo Tenant, bool Created)> GetOrCreateAsync(string id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } existing) return (existing, false);
        return await InsertAsync(id, null, ct) is { } created ? (created, true) : (await FindAsync(id, ct) ?? throw new InvalidOperationException($"The tenant '{id}' vanished while it was created."), false);
    }

    /// <summary>Creates a tenant; <paramref name="connectionString"/> places a PostgreSQL tenant on another server or database.</summary>
    /// <exception cref="TenantExistsException">The id is taken.</exception>
    public async Task<TenantInfo> CreateAsync(string id, string? connectionString, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not null) throw new TenantExistsException(id);
        return await InsertAsync(id, connectionString, ct) ?? throw new TenantExistsException(id);
    }

    /// <summary>Removes the tenant from the catalog, so no request reaches it any more; returns where its data was, for <see cref="TenantStorageRemover"/>.</summary>
    public async Task<TenantInfo> RemoveAsync(string id, CancellationToken ct)
    {
        var tenant = await FindCurrentAsync(id, ct) ?? throw new TenantNotFoundException(id);
        await EnsureCreatedAsync(ct);
        await using (var db = CatalogDbContext.Create(Options))
            await db.Tenants.Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        _cache.TryRemove(id, out _);
        return tenant;
    }

    public async Task SetStatusAsync(string id, TenantStatus status, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await using var db = CatalogDbContext.Create(Options);
        var updated = await db.Tenants.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status.ToString()), ct);
        if (updated == 0) throw new TenantNotFoundException(id);
        _cache.TryRemove(id, out _);
    }

    /// <summary>Inserts the catalog row; null when another process created the same id first.</summary>
    private async Task<TenantInfo?> InsertAsync(string id, string? connectionString, CancellationToken ct)
    {
        TenantId.EnsureAvailable(id);
        await EnsureCreatedAsync(ct);
        var database = TenantPlacement.For(Options, id, connectionString);
        var row = new TenantRow
        {
            Id = id,
            Provider = database.Provider.ToString(),
            ConnectionString = database.ConnectionString,
            Schema = database.Schema,
            Status = TenantStatus.Active.ToString(),
            CreatedAt = DateTime.UtcNow,
        };
        await using (var db = CatalogDbContext.Create(Options))
        {
            db.Tenants.Add(row);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // Another process created the same id between our lookup and insert.
                if (await FindCurrentAsync(id, ct) is not null) return null;
                throw;
            }
        }
        if (database.Dialect.IsLocalFile)
            Directory.CreateDirectory(Path.Combine(Path.GetFullPath(Options.DataDirectory), "tenants"));
        var info = ToInfo(row);
        _cache[id] = info;
        return info;
    }

    private async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_initialized) return;
        await _initLock.WaitAsync(ct);
        try
        {
            if (_initialized) return;
            await using var db = CatalogDbContext.Create(Options);
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            var database = new TenantDatabase(Options.Provider, Options.ConnectionString ?? "", Options.Dialect.IsLocalFile ? null : "platform_catalog");
            var exists = await TenantConnections.TableExistsAsync(connection, database, "tenants", ct);
            await connection.CloseAsync();
            if (!exists) await creator.CreateTablesAsync(ct);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private static TenantInfo ToInfo(TenantRow row) => new(
        row.Id,
        new TenantDatabase(Enum.Parse<DatabaseProvider>(row.Provider), row.ConnectionString, row.Schema),
        Enum.Parse<TenantStatus>(row.Status),
        DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc));
}
