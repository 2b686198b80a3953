using System.Data.Common;
using System.Security.Cryptography;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Storage.Schema;

/// <summary>
/// What an apply does to stored encrypted values, in its own transaction (the schema change and the values commit
/// together). Values of format v2 are sealed with their entity and field names as associated data, so renaming an entity
/// or an encrypted field would leave them unreadable under the new names: they are re-sealed under the new names (and
/// back when the rename is undone). A text field no longer marked encrypted would show its ciphertext as its value: its
/// values are opened and stored in clear. Clear values from before a field was encrypted are left as they are, and so is
/// a value that does not open under its old names (it was unreadable already).
/// </summary>
internal static class EncryptedColumnChanges
{
    private sealed record Change(string Entity, string Field, string FromEntity, string FromField, bool StaysEncrypted);

    /// <summary>The encrypted columns the plan renames, and the text columns it stops encrypting, with their names before.</summary>
    private static List<Change> Of(SchemaPlan plan)
    {
        var changes = new List<Change>();
        if (plan.Current is not { } current) return changes;
        foreach (var entity in plan.Target.Entities)
        {
            var fromEntity = plan.Renames.Entities.FirstOrDefault(r => r.To == entity.Name)?.From ?? entity.Name;
            foreach (var field in entity.Fields)
            {
                var fromField = plan.Renames.Fields.FirstOrDefault(r => r.Entity == entity.Name && r.To == field.Name)?.From ?? field.Name;
                if (current.Definitions.Find(fromEntity)?.FindField(fromField) is not { Encrypted: true }) continue;
                if (field.Encrypted)
                {
                    if (fromEntity != entity.Name || fromField != field.Name) changes.Add(new Change(entity.Name, field.Name, fromEntity, fromField, true));
                }
                else changes.Add(new Change(entity.Name, field.Name, fromEntity, fromField, false));
            }
        }
        return changes;
    }

    /// <summary>
    /// Run before the plan's DDL: a field no longer encrypted whose type is not text would have its sealed values
    /// converted to that type by the DDL, which they do not survive. Returns the refusal, or null.
    /// </summary>
    public static async Task<string?> RefusalAsync(DbConnection connection, DbTransaction transaction, SchemaPlan plan, CancellationToken ct)
    {
        var changes = Of(plan).Where(c => !c.StaysEncrypted).ToList();
        if (changes.Count == 0) return null;
        var database = plan.Database;
        var dialect = database.Dialect;
        var target = PhysicalModelBuilder.Build(plan.Target, database.Provider);
        var before = PhysicalModelBuilder.Build(plan.Current!.Definitions, database.Provider);
        foreach (var change in changes.Where(c => !IsText(target.Table(c.Entity).Column(c.Field))))
        {
            var column = dialect.Quote(before.Table(change.FromEntity).Column(change.FromField).Name);
            await using var count = connection.CreateCommand(
                $"SELECT COUNT(*) FROM {dialect.Table(before.Table(change.FromEntity).Name, database.Schema)} WHERE {column} LIKE 'enc:v%'", transaction);
            var sealedValues = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            if (sealedValues > 0)
                return $"{change.Entity}.{change.Field} would no longer be encrypted, but its {sealedValues} encrypted values cannot be converted to its type; " +
                       "keep it encrypted, or clear those values first";
        }
        return null;
    }

    /// <summary>
    /// Re-seals or opens the values (run after the plan's DDL, in its transaction). Returns why it cannot — sealed values
    /// but no key to open them — or null when done.
    /// </summary>
    public static async Task<string?> ApplyAsync(
        DbConnection connection, DbTransaction transaction, SchemaPlan plan, TenantFieldCipher? cipher, CancellationToken ct)
    {
        var changes = Of(plan);
        if (changes.Count == 0) return null;
        var database = plan.Database;
        var dialect = database.Dialect;
        var model = PhysicalModelBuilder.Build(plan.Target, database.Provider);
        foreach (var change in changes)
        {
            var table = model.Table(change.Entity);
            var idColumn = table.Column(SystemFields.Id);
            var column = table.Column(change.Field);
            // A column whose type changed was converted by the DDL already (a sealed value does not convert, so such a plan is refused).
            if (!change.StaysEncrypted && !IsText(column)) continue;
            var sealedValues = new List<(Guid Id, string Stored)>();
            await using (var select = connection.CreateCommand(
                $"SELECT {dialect.Quote(idColumn.Name)}, {dialect.Quote(column.Name)} FROM {dialect.Table(table.Name, database.Schema)} WHERE {dialect.Quote(column.Name)} IS NOT NULL",
                transaction))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var stored = reader.GetString(1);
                    // A re-seal concerns v2 values only (v1 values carry no names); opening concerns every sealed value.
                    if (change.StaysEncrypted ? stored.StartsWith(TenantFieldCipher.Prefix, StringComparison.Ordinal) : TenantFieldCipher.IsSealed(stored))
                        sealedValues.Add(((Guid)ColumnValueCodec.Read(reader, 0, idColumn, database.Provider)!, stored));
                }
            }
            if (sealedValues.Count == 0) continue;
            if (cipher is null)
                return $"{(change.StaysEncrypted ? $"renaming {change.FromEntity}.{change.FromField} to {change.Entity}.{change.Field} re-encrypts" : $"no longer encrypting {change.Entity}.{change.Field} decrypts")} " +
                       $"its {sealedValues.Count} stored values, which needs the encryption key ({EncryptionKeySettings.KeySetting} or {EncryptionKeySettings.KeyVariable})";
            foreach (var (id, stored) in sealedValues)
            {
                string clear;
                try
                {
                    clear = cipher.Decrypt(stored, change.FromEntity, change.FromField, id);
                }
                catch (CryptographicException)
                {
                    continue;
                }
                await using var update = connection.CreateCommand(
                    $"UPDATE {dialect.Table(table.Name, database.Schema)} SET {dialect.Quote(column.Name)} = @p0 WHERE {dialect.Quote(idColumn.Name)} = @p1", transaction);
                update.AddParameter("@p0", change.StaysEncrypted
                    ? cipher.Encrypt(clear, change.Entity, change.Field, id)
                    : ColumnValueCodec.ToDb(column, PlaintextValueCodec.Read(clear, column.Kind), database.Provider));
                update.AddParameter("@p1", ColumnValueCodec.ToDb(idColumn, id, database.Provider));
                await update.ExecuteNonQueryAsync(ct);
            }
        }
        return null;
    }

    // Ciphertext is text: a column of a text kind holds it as it is; another kind's column was converted by the DDL.
    private static bool IsText(ColumnModel column) => FieldColumnMapper.StoreTypeOf(column.Kind) == typeof(string);
}
