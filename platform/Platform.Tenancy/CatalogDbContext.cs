using Microsoft.EntityFrameworkCore;
using Platform.Storage.Providers;

namespace Platform.Tenancy;

/// <summary>The tenant catalog: a fixed schema, so a plain EF Core model.</summary>
internal sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options, string? schema) : DbContext(options)
{
    public DbSet<TenantRow> Tenants => Set<TenantRow>();

    public static CatalogDbContext Create(PlatformStorageOptions storage)
    {
        var builder = new DbContextOptionsBuilder<CatalogDbContext>();
        if (storage.Dialect.IsLocalFile)
        {
            Directory.CreateDirectory(Path.GetFullPath(storage.DataDirectory));
            builder.UseSqlite(SqliteDialect.ConnectionStringFor(Path.Combine(Path.GetFullPath(storage.DataDirectory), "catalog.db")));
            return new CatalogDbContext(builder.Options, null);
        }
        builder.UseNpgsql(storage.ConnectionString);
        return new CatalogDbContext(builder.Options, "platform_catalog");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (schema is not null) modelBuilder.HasDefaultSchema(schema);
        modelBuilder.Entity<TenantRow>(b =>
        {
            b.ToTable("tenants");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).HasColumnName("id").HasMaxLength(40);
            b.Property(t => t.Provider).HasColumnName("provider").HasMaxLength(20);
            b.Property(t => t.ConnectionString).HasColumnName("connection_string").HasMaxLength(1000);
            b.Property(t => t.Schema).HasColumnName("schema").HasMaxLength(63);
            b.Property(t => t.Status).HasColumnName("status").HasMaxLength(20);
            b.Property(t => t.CreatedAt).HasColumnName("created_at");
        });
    }
}

internal sealed class TenantRow
{
    public required string Id { get; set; }
    public required string Provider { get; set; }
    public required string ConnectionString { get; set; }
    public string? Schema { get; set; }
    public required string Status { get; set; }
    public DateTime CreatedAt { get; set; }
}
