using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Schema;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Schema;

public sealed class TypeChangeValueConverterTests
{
    private static ColumnModel Column(Metadata.Definitions.FieldDefinition field, DatabaseProvider provider = DatabaseProvider.Postgres) =>
        FieldColumnMapper.Map(field, provider);

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-3", -3L)]
    [InlineData("+5", 5L)]
    [InlineData("007", 7L)]
    public void Integer_text_converts_with_the_invariant_culture(string text, long expected)
    {
        Assert.True(TypeChangeValueConverter.TryConvert(text, Column(Integer("n")), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4.5")]
    [InlineData("1e3")]
    [InlineData(" 42")]
    [InlineData("1,000")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void Anything_else_does_not_convert_to_integer(string text) =>
        Assert.False(TypeChangeValueConverter.TryConvert(text, Column(Integer("n")), out _));

    [Theory]
    [InlineData("12.5", true)]
    [InlineData("12.50", true)]
    [InlineData("12.555", false)]
    [InlineData("99999999.99", true)]
    [InlineData("100000000", false)]
    [InlineData("1,5", false)]
    public void Decimal_text_must_fit_precision_and_scale_without_rounding(string text, bool converts) =>
        Assert.Equal(converts, TypeChangeValueConverter.TryConvert(text, Column(Decimal("d", 10, 2)), out _));

    [Fact]
    public void Dates_must_be_iso()
    {
        Assert.True(TypeChangeValueConverter.TryConvert("2024-02-29", Column(Date("d")), out var date));
        Assert.Equal(new DateOnly(2024, 2, 29), date);
        Assert.False(TypeChangeValueConverter.TryConvert("2023-02-29", Column(Date("d")), out _));
        Assert.False(TypeChangeValueConverter.TryConvert("05/01/2024", Column(Date("d")), out _));
    }

    [Fact]
    public void Text_length_counts_characters_not_utf16_units()
    {
        Assert.True(TypeChangeValueConverter.TryConvert("😀😀😀", Column(Text("t", 3)), out _));
        Assert.False(TypeChangeValueConverter.TryConvert("abcd", Column(Text("t", 3)), out _));
    }

    [Fact]
    public void Sqlite_scaled_decimals_are_read_back_as_decimals()
    {
        var column = Column(Decimal("d", 10, 2), DatabaseProvider.Sqlite);
        Assert.Equal(12.5m, TypeChangeValueConverter.FromStore(1250L, column));
    }

    [Fact]
    public void Decimals_to_integers_only_without_a_fraction()
    {
        Assert.True(TypeChangeValueConverter.TryConvert(12.00m, Column(Integer("n")), out var whole));
        Assert.Equal(12L, whole);
        Assert.False(TypeChangeValueConverter.TryConvert(12.5m, Column(Integer("n")), out _));
    }

    [Fact]
    public void Unsupported_kind_changes_are_refused()
    {
        Assert.False(TypeChangeValueConverter.IsSupported(ValueKind.Guid, ValueKind.Integer, DatabaseProvider.Postgres));
        Assert.False(TypeChangeValueConverter.IsSupported(ValueKind.Decimal, ValueKind.String, DatabaseProvider.Sqlite));
        Assert.True(TypeChangeValueConverter.IsSupported(ValueKind.Decimal, ValueKind.String, DatabaseProvider.Postgres));
    }
}
