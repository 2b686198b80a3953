using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>
/// An encrypted field is stored as ciphertext with a random nonce, so the database cannot compare its values: it cannot
/// be unique, indexed, the primary field (which gets an index), a lookup (a foreign key) or an autonumber (a unique index),
/// and has no database default (that would store clear text).
/// </summary>
internal static class EncryptionRules
{
    public static IEnumerable<DefinitionError> Check(EntityEntry entry)
    {
        var entity = entry.Entity;
        for (var i = 0; i < entity.Fields.Count; i++)
        {
            var field = entity.Fields[i];
            if (!field.Encrypted) continue;
            var at = JsonPointer.Append("/fields", i);
            if (field.Type.IsRegistered && !field.Type.Descriptor.CanBeEncrypted)
                yield return entry.Error($"{at}/encrypted", $"{field.Type.Name} fields cannot be encrypted");
            if (field.Unique)
                yield return entry.Error($"{at}/unique", "an encrypted field cannot be unique: its stored values cannot be compared");
            if (field.Indexed)
                yield return entry.Error($"{at}/indexed", "an encrypted field cannot be indexed: its stored values cannot be compared");
            if (field.Default is not null)
                yield return entry.Error($"{at}/default", "an encrypted field cannot have a default: the database would store it in clear text");
            if (entity.PrimaryField == field.Name)
                yield return entry.Error("/primaryField", $"the primary field '{field.Name}' is encrypted; it is indexed and shown in lists, choose another");
        }
        for (var i = 0; i < entity.Indexes.Count; i++)
        {
            for (var k = 0; k < entity.Indexes[i].Fields.Count; k++)
            {
                if (entity.FindField(entity.Indexes[i].Fields[k]) is { Encrypted: true } encrypted)
                    yield return entry.Error($"/indexes/{i}/fields/{k}", $"'{encrypted.Name}' is encrypted and cannot be indexed");
            }
        }
    }
}
