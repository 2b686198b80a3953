using System.Data.Common;
using System.Security.Cryptography;
using Platform.Metadata.Definitions;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Storage.Schema;

/// <summary>
/// Encrypted values (format v2) are sealed with their entity and field names as associated data, so renaming an entity
/// or an encrypted field would leave every stored value unreadable under the new names. The apply re-seals the values of
/// each renamed encrypted column in its own transaction (the rename and the re-sealing commit together, and undoing the
/// rename re-seals them back). Values of format v1 and clear values from before a field was encrypted carry no names and
/// are left as they are; a value that did not open under its old names either (it was unreadable already) is left too.
/// </summary>
internal static class EncryptedRenames
{
    /// <summary>The encrypted columns of the target whose entity or field is renamed by the plan, with their names before.</summary>
    public static IReadOnlyList<(string Entity, string Field, string FromEntity, string FromField)> Of(SchemaPlan plan)
    {
        if (plan.Renames.IsEmpty) return [];
        var renamed = new List<(string, string, string, string)>();
        foreach (var entity in plan.Target.Entities)
        {
            var fromEntity = plan.Renames.Entities.FirstOrDefault(r => r.To == entity.Name)?.From ?? entity.Name;
            foreach (var field in entity.Fields.Where(f => f.Encrypted))
            {
                var fromField = plan.Renames.Fields.FirstOrDefault(r => r.Entity == entity.Name && r.To == field.Name)?.From ?? field.Name;
                if (fromEntity != entity.Name || fromField != field.Name) renamed.Add((entity.Name, field.Name, fromEntity, fromField));
            }
        }
        return renamed;
    }

    /// <summary>
    /// Re-seals the values of the renamed encrypted columns (run after the rename's DDL, in its transaction). Returns why
    /// it cannot — sealed values but no key to open them — or null when done.
    /// </summary>
    public static async Task<string?> ResealAsync(
        DbConnection connection, DbTransaction transaction, SchemaPlan plan, TenantFieldCipher? cipher, CancellationToken ct)
    {
        var renamed = Of(plan);
        if (renamed.Count == 0) return null;
        var database = plan.Database;
        var dialect = database.Dialect;
        var model = PhysicalModelBuilder.Build(plan.Target, database.Provider);
        foreach (var (entity, field, fromEntity, fromField) in renamed)
        {
            var table = model.Table(entity);
            var idColumn = table.Column(SystemFields.Id);
            var sealedValues = new List<(Guid Id, string Stored)>();
            await using (var select = connection.CreateCommand(
                $"SELECT {dialect.Quote(idColumn.Name)}, {dialect.Quote(field)} FROM {dialect.Table(table.Name, database.Schema)} WHERE {dialect.Quote(field)} IS NOT NULL",
                transaction))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var stored = reader.GetString(1);
                    if (stored.StartsWith(TenantFieldCipher.Prefix, StringComparison.Ordinal))
                        sealedValues.Add(((Guid)ColumnValueCodec.Read(reader, 0, idColumn, database.Provider)!, stored));
                }
            }
            if (sealedValues.Count == 0) continue;
            if (cipher is null)
                return $"renaming {fromEntity}.{fromField} to {entity}.{field} re-encrypts its {sealedValues.Count} stored values, which needs the " +
                       $"encryption key ({EncryptionKeySettings.KeySetting} or {EncryptionKeySettings.KeyVariable}); nothing was changed";
            foreach (var (id, stored) in sealedValues)
            {
                string clear;
                try
                {
                    clear = cipher.Decrypt(stored, fromEntity, fromField, id);
                }
                catch (CryptographicException)
                {
                    continue;
                }
                await using var update = connection.CreateCommand(
                    $"UPDATE {dialect.Table(table.Name, database.Schema)} SET {dialect.Quote(field)} = @p0 WHERE {dialect.Quote(idColumn.Name)} = @p1", transaction);
                update.AddParameter("@p0", cipher.Encrypt(clear, entity, field, id));
                update.AddParameter("@p1", ColumnValueCodec.ToDb(idColumn, id, database.Provider));
                await update.ExecuteNonQueryAsync(ct);
            }
        }
        return null;
    }
}
