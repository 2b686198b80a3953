using System.Data.Common;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>
/// Converts platform values to what a column stores and back, by each storage kind's <see cref="ColumnForm"/>
/// (<see cref="ColumnForms"/>), and seals or opens encrypted columns.
/// </summary>
/// <remarks>Value converters are named representation + Value + role: Codec (both ways), Reader (into platform values), Writer (out of platform values) or Converter (from one field type to another).</remarks>
public static class ColumnValueCodec
{
    /// <summary>
    /// As <see cref="ToDb(ColumnModel, object?, DatabaseProvider)"/>, sealing the values of encrypted columns bound to
    /// their row (<paramref name="entity"/>, <paramref name="recordId"/>).
    /// </summary>
    public static object? ToDb(ColumnModel column, object? value, DatabaseProvider provider, TenantFieldCipher? cipher, string entity, Guid recordId)
    {
        if (!column.IsEncrypted || value is null) return ToDb(column, value, provider);
        return (cipher ?? throw new EncryptionKeyMissingException(column.Name)).Encrypt(PlaintextValueCodec.Write(value), entity, column.Name, recordId);
    }

    /// <summary>As <see cref="Read(DbDataReader, int, ColumnModel, DatabaseProvider)"/>, opening the values of encrypted columns.</summary>
    public static object? Read(DbDataReader reader, int ordinal, ColumnModel column, DatabaseProvider provider, TenantFieldCipher? cipher, string entity, Guid recordId)
    {
        if (!column.IsEncrypted) return Read(reader, ordinal, column, provider);
        if (reader.IsDBNull(ordinal)) return null;
        var stored = reader.GetString(ordinal);
        if (!TenantFieldCipher.IsSealed(stored)) return PlaintextValueCodec.ReadLegacy(stored, column.Kind);
        return PlaintextValueCodec.Read((cipher ?? throw new EncryptionKeyMissingException(column.Name)).Decrypt(stored, entity, column.Name, recordId), column.Kind);
    }

    /// <summary>
    /// The value as the column stores it. Dispatches on the value's own kind (not the column's): filters compare a
    /// multichoice column with one option text, and platform tables hand over ids and counters as they have them.
    /// </summary>
    public static object? ToDb(ColumnModel column, object? value, DatabaseProvider provider)
    {
        // Scripts may hand a multichoice value over as any list of texts.
        if (column.Kind == ValueKind.StringList && value is IEnumerable<string> list and not string[])
            value = list.ToArray();
        return ValueKind.Of(value) is { } kind ? ColumnForms.Table[kind].Write(value!, column, provider == DatabaseProvider.Sqlite) : value;
    }

    public static object? Read(DbDataReader reader, int ordinal, ColumnModel column, DatabaseProvider provider) =>
        reader.IsDBNull(ordinal) ? null : ColumnForms.Table[column.Kind].Read(reader, ordinal, column, provider == DatabaseProvider.Sqlite);

    /// <summary>The parameter type to give a null for <paramref name="column"/>.</summary>
    public static System.Data.DbType NullParameterType(ColumnModel column) => ColumnForms.Table[column.Kind].ParameterType;
}
