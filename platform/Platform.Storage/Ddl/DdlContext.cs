using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using EfDeleteBehavior = Microsoft.EntityFrameworkCore.DeleteBehavior;
using PlatformDeleteBehavior = Platform.Metadata.Definitions.DeleteBehavior;

namespace Platform.Storage.Ddl;

/// <summary>
/// An EF Core context whose model is a <see cref="PhysicalModel"/> expressed as shared-type property-bag entities.
/// It is used only to obtain EF's design-time relational model and its provider services (model differ, migration
/// SQL generator, command executor); records are not read through it.
/// </summary>
public sealed class DdlContext : DbContext
{
    private DdlContext(DbContextOptions options, PhysicalModel model, string? schema) : base(options)
    {
        Physical = model;
        Schema = schema;
    }

    public PhysicalModel Physical { get; }
    public string? Schema { get; }

    public static DdlContext Create(PhysicalModel model, TenantDatabase database) => Create(model, database.Provider, database.ConnectionString, database.Schema);

    public static DdlContext Create(PhysicalModel model, DatabaseProvider provider, string connectionString, string? schema)
    {
        var builder = new DbContextOptionsBuilder();
        var dialect = SqlDialect.For(provider);
        dialect.Configure(builder, connectionString);
        builder.ReplaceService<IModelCacheKeyFactory, DdlModelCacheKeyFactory>();
        dialect.ConfigureDdl(builder);
        return new DdlContext(builder.Options, model, schema);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Schema is not null) modelBuilder.HasDefaultSchema(Schema);
        // Two passes: every table's columns and keys exist before any foreign key points at them.
        foreach (var table in Physical.Tables) modelBuilder.SharedTypeEntity<Dictionary<string, object>>(table.Name, b => MapTable(b, table));
        foreach (var table in Physical.Tables) modelBuilder.SharedTypeEntity<Dictionary<string, object>>(table.Name, b => MapForeignKeys(b, table));
    }

    private static void MapTable(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Dictionary<string, object>> b, TableModel table)
    {
        b.ToTable(table.Name);
        var order = 0;
        foreach (var column in table.Columns)
        {
            var clrType = column.IsNullable && column.StoreClrType.IsValueType ? typeof(Nullable<>).MakeGenericType(column.StoreClrType) : column.StoreClrType;
            var property = b.IndexerProperty(clrType, column.Name).HasColumnOrder(order++).IsRequired(!column.IsNullable);
            property.ValueGeneratedNever();
            if (column.MaxLength is { } length) property.HasMaxLength(length);
            if (column.Precision is { } precision) property.HasPrecision(precision, column.Scale ?? 0);
            if (column.DefaultValue is { } value) property.HasDefaultValue(value);
        }
        b.HasKey([.. table.PrimaryKey]).HasName(IdentifierNames.Make("pk", table.Name));
        foreach (var index in table.Indexes) b.HasIndex([.. index.Columns], index.Name).IsUnique(index.IsUnique).HasDatabaseName(index.Name);
    }

    private static void MapForeignKeys(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Dictionary<string, object>> b, TableModel table)
    {
        foreach (var fk in table.ForeignKeys)
        {
            b.HasOne(fk.PrincipalTable).WithMany().HasForeignKey([.. fk.Columns]).HasPrincipalKey([.. fk.PrincipalColumns])
                .OnDelete(ToEf(fk.OnDelete)).HasConstraintName(fk.Name);
        }
    }

    private static EfDeleteBehavior ToEf(PlatformDeleteBehavior behavior) => behavior switch
    {
        PlatformDeleteBehavior.Cascade => EfDeleteBehavior.Cascade,
        PlatformDeleteBehavior.SetNull => EfDeleteBehavior.SetNull,
        _ => EfDeleteBehavior.Restrict,
    };

    /// <summary>One EF model per (physical model, schema): tenants with equal definitions share it.</summary>
    private sealed class DdlModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => context is DdlContext ddl
            ? (typeof(DdlContext), ddl.Physical.CacheKey, ddl.Schema, designTime)
            : (context.GetType(), designTime);
    }
}
