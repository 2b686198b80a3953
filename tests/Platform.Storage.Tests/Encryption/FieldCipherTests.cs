using System.Security.Cryptography;
using Platform.Metadata.Definitions;
using Platform.Storage.Encryption;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Storage.Tests.Encryption;

public class FieldCipherTests
{
    private static readonly FieldCipher Cipher = FieldCipher.FromBase64(FieldCipher.NewKey());

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

            var stored = (string)Records.ColumnValueCodec.ToDb(column, value, DatabaseProvider.Sqlite, Cipher)!;

            Assert.StartsWith(FieldCipher.Prefix, stored);
            Assert.Equal(value, EncryptedValueText.Read(Cipher.Decrypt(stored), column.Kind));
            Assert.Throws<EncryptionKeyMissingException>(() => Records.ColumnValueCodec.ToDb(column, value, DatabaseProvider.Sqlite, null));
        }
    }
}
