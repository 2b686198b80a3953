using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;
#pragma warning disable EF1001 // The base constructor takes Npgsql's internal options service; subclassing the generator is the documented extension point.
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;

namespace Platform.Storage.Ddl;

/// <summary>
/// Npgsql's generator, plus an explicit <c>USING column::type</c> on type changes: PostgreSQL refuses to cast
/// e.g. text to bigint implicitly (error 42804), so EF's plain <c>ALTER COLUMN ... TYPE</c> fails on real data.
/// The planner has already counted the values that would not convert, so the cast cannot fail half-way.
/// </summary>
public sealed class PostgresMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, INpgsqlSingletonOptions options)
    : NpgsqlMigrationsSqlGenerator(dependencies, options)
{
    protected override void Generate(AlterColumnOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        var newType = operation.ColumnType ?? GetColumnType(operation.Schema, operation.Table, operation.Name, operation, model);
        var oldType = operation.OldColumn.ColumnType ?? GetColumnType(operation.Schema, operation.Table, operation.Name, operation.OldColumn, null);
        // Within one base type (varchar(50) to varchar(100), numeric(10,2) to numeric(14,2)) PostgreSQL casts
        // implicitly and may skip the table rewrite; Npgsql's plain TYPE clause is the right statement there.
        if (newType is null || oldType is null || string.Equals(BaseType(newType), BaseType(oldType), StringComparison.OrdinalIgnoreCase))
        {
            base.Generate(operation, model, builder);
            return;
        }

        var helper = Dependencies.SqlGenerationHelper;
        var alter = $"ALTER TABLE {helper.DelimitIdentifier(operation.Table, operation.Schema)} ALTER COLUMN {helper.DelimitIdentifier(operation.Name)} ";
        // An old default of the old type could not be cast along with the column; the base call below sets the new one.
        if (operation.OldColumn.DefaultValue is not null || operation.OldColumn.DefaultValueSql is not null)
            builder.Append(alter).Append("DROP DEFAULT").AppendLine(helper.StatementTerminator);
        builder.Append(alter).Append("TYPE ").Append(newType)
            .Append(" USING ").Append(helper.DelimitIdentifier(operation.Name)).Append("::").Append(newType)
            .AppendLine(helper.StatementTerminator);
        EndStatement(builder);

        // The rest (nullability, default) is Npgsql's, told the type already matches.
        base.Generate(WithOldType(operation), model, builder);
    }

    private static string BaseType(string storeType) => storeType.Split('(')[0].Trim();

    private static AlterColumnOperation WithOldType(AlterColumnOperation operation)
    {
        var copy = new AlterColumnOperation { Schema = operation.Schema, Table = operation.Table, Name = operation.Name };
        CopyColumn(operation, copy);
        CopyColumn(operation.OldColumn, copy.OldColumn);
        copy.AddAnnotations(operation.GetAnnotations());
        copy.OldColumn.AddAnnotations(operation.OldColumn.GetAnnotations());
        var old = copy.OldColumn;
        old.ClrType = operation.ClrType;
        old.ColumnType = operation.ColumnType;
        old.MaxLength = operation.MaxLength;
        old.Precision = operation.Precision;
        old.Scale = operation.Scale;
        old.IsUnicode = operation.IsUnicode;
        old.IsFixedLength = operation.IsFixedLength;
        old.DefaultValue = null;
        old.DefaultValueSql = null;
        return copy;
    }

    private static void CopyColumn(ColumnOperation from, ColumnOperation to)
    {
        to.ClrType = from.ClrType;
        to.ColumnType = from.ColumnType;
        to.IsUnicode = from.IsUnicode;
        to.IsFixedLength = from.IsFixedLength;
        to.MaxLength = from.MaxLength;
        to.Precision = from.Precision;
        to.Scale = from.Scale;
        to.IsRowVersion = from.IsRowVersion;
        to.IsNullable = from.IsNullable;
        to.DefaultValue = from.DefaultValue;
        to.DefaultValueSql = from.DefaultValueSql;
        to.ComputedColumnSql = from.ComputedColumnSql;
        to.IsStored = from.IsStored;
        to.Comment = from.Comment;
        to.Collation = from.Collation;
    }
}
