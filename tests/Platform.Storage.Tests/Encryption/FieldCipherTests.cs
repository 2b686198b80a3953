using System.Security.Cryptography;
using Platform.Metadata.Definitions;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Tests.Encryption;

public class FieldCipherTests
{
    private static readonly FieldCipher Cipher = FieldCipher.FromBase64(FieldCipher.NewKey());
    private static readonly TenantFieldCipher Tenant = Cipher.ForTenant("acme");
    private static readonly Guid Id = Guid.CreateVersion7();

    [Fact]
    public void A_value_round_trips_and_its_ciphertext_hides_it_with_a_fresh_nonce_each_time()
    {
        var first = Cipher.Encrypt("Zoë 张伟 +49 30 1234");
        var second = Cipher.Encrypt("Zoë 张伟 +49 30 1234");

        Assert.StartsWith(FieldCipher.Prefix, first);
        Assert.DoesNotContain("1234", first);
        Assert.NotEqual(first, second);
        Assert.Equal("Zoë 张伟 +49 30 1234", Cipher.Decrypt(first));
        Assert.Equal("Zoë 张伟 +49 30 1234", Cipher.Decrypt(second));
    }

    [Fact]
    public void A_tampered_value_or_another_key_fails_to_decrypt()
    {
        var sealedValue = Cipher.Encrypt("secret");
        var bytes = Convert.FromBase64String(sealedValue[FieldCipher.Prefix.Length..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Cipher.Decrypt(FieldCipher.Prefix + Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.FromBase64(FieldCipher.NewKey()).Decrypt(sealedValue));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void A_key_that_is_not_32_bytes_of_base64_is_refused(string key) =>
        Assert.Throws<ArgumentException>(() => FieldCipher.FromBase64(key));

    [Fact]
    public void The_codec_seals_encrypted_columns_of_every_kind_and_refuses_without_a_key()
    {
        foreach (var (type, value) in new (FieldType, object)[]
                 {
                     (FieldType.Text, "text"), (FieldType.Integer, 42L), (FieldType.Decimal, 81.5m), (FieldType.Boolean, true),
                     (FieldType.Date, new DateOnly(1980, 5, 17)), (FieldType.DateTime, new DateTime(2026, 3, 1, 8, 15, 30, DateTimeKind.Utc)),
                 })
        {
            var column = FieldColumnMapper.Map(new FieldDefinition { Name = "secret", Type = type, Encrypted = true }, DatabaseProvider.Sqlite);
            Assert.Equal(typeof(string), column.StoreClrType);
            Assert.Null(column.MaxLength);

            var id = Guid.CreateVersion7();
            var stored = (string)Records.ColumnValueCodec.ToDb(column, value, DatabaseProvider.Sqlite, Tenant, "note", id)!;

            Assert.StartsWith(TenantFieldCipher.Prefix, stored);
            Assert.Equal(value, PlaintextValueCodec.Read(Tenant.Decrypt(stored, "note", "secret", id), column.Kind));
            Assert.Throws<EncryptionKeyMissingException>(() => Records.ColumnValueCodec.ToDb(column, value, DatabaseProvider.Sqlite, null, "note", id));
        }
    }

    [Fact]
    public void A_value_is_bound_to_its_tenant_entity_field_and_record()
    {
        var sealedValue = Tenant.Encrypt("Hypertension", "patient_note", "diagnosis", Id);

        Assert.StartsWith(TenantFieldCipher.Prefix + Cipher.KeyId + ":", sealedValue);
        Assert.Equal("Hypertension", Tenant.Decrypt(sealedValue, "patient_note", "diagnosis", Id));
        Assert.ThrowsAny<CryptographicException>(() => Tenant.Decrypt(sealedValue, "patient_note", "diagnosis", Guid.CreateVersion7()));
        Assert.ThrowsAny<CryptographicException>(() => Tenant.Decrypt(sealedValue, "patient_note", "treatment", Id));
        Assert.ThrowsAny<CryptographicException>(() => Tenant.Decrypt(sealedValue, "contact", "diagnosis", Id));
        Assert.ThrowsAny<CryptographicException>(() => Cipher.ForTenant("other").Decrypt(sealedValue, "patient_note", "diagnosis", Id));
    }

    [Fact]
    public void Each_tenant_seals_under_its_own_derived_key()
    {
        var acme = Tenant.Encrypt("x", "e", "f", Id);
        var bytes = Convert.FromBase64String(acme[(acme.LastIndexOf(':') + 1)..]);

        // Not the master key: the value does not open under it even with the right associated data.
        Assert.ThrowsAny<CryptographicException>(() => Cipher.Decrypt(FieldCipher.Prefix + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Values_of_the_first_format_and_of_previous_master_keys_are_still_opened()
    {
        var oldKey = FieldCipher.NewKey();
        var old = FieldCipher.FromBase64(oldKey);
        var v1 = old.Encrypt("written by v1");
        var v2UnderOldKey = old.ForTenant("acme").Encrypt("written under the old key", "e", "f", Id);

        var rotated = FieldCipher.FromBase64(FieldCipher.NewKey(), [oldKey]).ForTenant("acme");

        Assert.Equal("written by v1", rotated.Decrypt(v1, "e", "f", Id));
        Assert.Equal("written under the old key", rotated.Decrypt(v2UnderOldKey, "e", "f", Id));
        Assert.True(rotated.NeedsRewrite(v1));
        Assert.True(rotated.NeedsRewrite(v2UnderOldKey));
        Assert.False(rotated.NeedsRewrite(rotated.Encrypt("new", "e", "f", Id)));
        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.FromBase64(FieldCipher.NewKey()).ForTenant("acme").Decrypt(v2UnderOldKey, "e", "f", Id));
    }
}
