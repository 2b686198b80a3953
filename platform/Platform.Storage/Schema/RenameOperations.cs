using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Schema;

/// <summary>
/// The explicit operations that carry declared renames out before the diff: tables, columns, and the indexes and
/// constraints whose names are derived from them, so the database ends up named exactly like the renamed model.
/// </summary>
public static class RenameOperations
{
    public static IReadOnlyList<MigrationOperation> Build(
        PhysicalModel before, PhysicalModel renamed, DefinitionRenames renames, TenantDatabase database,
        ISqlGenerationHelper sql, RelationalTypeMapping stringMapping)
    {
        var schema = database.Schema;
        var tables = renames.TableRenames(before.Definitions);
        var operations = new List<MigrationOperation>();
        operations.AddRange(tables.Select(t => new RenameTableOperation { Name = t.Key, Schema = schema, NewName = t.Value, NewSchema = schema }));
        operations.AddRange(renames.Fields.Select(f => new RenameColumnOperation { Table = f.Entity, Schema = schema, Name = f.From, NewName = f.To }));

        var oldTableNames = tables.ToDictionary(t => t.Value, t => t.Key);
        foreach (var table in renamed.Tables)
        {
            if (before.FindTable(oldTableNames.GetValueOrDefault(table.Name, table.Name)) is not { } old) continue;
            string NewColumn(string column) =>
                renames.Fields.FirstOrDefault(f => f.Entity == table.Name && f.From == column)?.To ?? column;

            foreach (var (oldIndex, index) in Match(old.Indexes, table.Indexes, i => i.Columns, i => i.IsUnique, NewColumn))
            {
                if (oldIndex.Name == index.Name) continue;
                if (database.Dialect.RebuildsTablesToAlter)
                {
                    // SQLite cannot rename an index; this is what EF itself does for a RenameIndexOperation there.
                    operations.Add(new DropIndexOperation { Name = oldIndex.Name, Table = table.Name, Schema = schema });
                    operations.Add(new CreateIndexOperation { Name = index.Name, Table = table.Name, Schema = schema, Columns = [.. index.Columns], IsUnique = index.IsUnique });
                }
                else operations.Add(new RenameIndexOperation { Name = oldIndex.Name, NewName = index.Name, Table = table.Name, Schema = schema });
            }

            // SQLite keeps key and constraint names only inside the table's CREATE text: nothing refers to them, and
            // EF rebuilds the table instead of dropping a constraint by name, so they need no rename there.
            if (database.Dialect.RebuildsTablesToAlter) continue;

            var oldKey = IdentifierNames.Make("pk", old.Name);
            var newKey = IdentifierNames.Make("pk", table.Name);
            // PostgreSQL and SQL Server rename a key constraint along with its index.
            if (oldKey != newKey) operations.Add(new RenameIndexOperation { Name = oldKey, NewName = newKey, Table = table.Name, Schema = schema });

            foreach (var (oldKeyConstraint, foreignKey) in Match(old.ForeignKeys, table.ForeignKeys, f => f.Columns, _ => false, NewColumn))
            {
                if (oldKeyConstraint.Name != foreignKey.Name)
                    operations.Add(RenameConstraint(database, table.Name, oldKeyConstraint.Name, foreignKey.Name, sql, stringMapping));
            }
        }
        return operations;
    }

    /// <summary>
    /// EF Core has no operation for renaming a foreign key; the statement is built from identifiers quoted by the
    /// provider's own helper (and, on SQL Server, a string literal written by its type mapping).
    /// </summary>
    private static SqlOperation RenameConstraint(TenantDatabase database, string table, string name, string newName, ISqlGenerationHelper sql, RelationalTypeMapping stringMapping) =>
        new() { Sql = database.Dialect.RenameConstraintSql(sql, stringMapping, table, database.Schema, name, newName) };

    /// <summary>Pairs each old index or key with the renamed one of the same (renamed) columns.</summary>
    private static IEnumerable<(T Old, T New)> Match<T>(
        IReadOnlyList<T> old, IReadOnlyList<T> renamed, Func<T, IReadOnlyList<string>> columns, Func<T, bool> unique, Func<string, string> newColumn)
        where T : class
    {
        var unmatched = old.ToList();
        foreach (var item in renamed)
        {
            var match = unmatched.FirstOrDefault(o => unique(o) == unique(item) && columns(o).Select(newColumn).SequenceEqual(columns(item)));
            if (match is null) continue;
            unmatched.Remove(match);
            yield return (match, item);
        }
    }
}
