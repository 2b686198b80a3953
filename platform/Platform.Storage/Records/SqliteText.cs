using System.Globalization;

namespace Platform.Storage.Records;

/// <summary>
/// Reads the date and time text <see cref="ColumnValueCodec"/> writes on SQLite ("yyyy-MM-dd" and
/// "yyyy-MM-dd HH:mm:ss[.fffffff]", UTC) without the general parsers, which cost most of a row's read time.
/// Anything else (e.g. text written by hand) goes to the general parsers, so results are the same.
/// </summary>
internal static class SqliteText
{
    private static readonly long[] FractionScale = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    public static DateOnly ReadDate(string text) =>
        text.Length == 10 && TryDate(text, out var year, out var month, out var day) && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTime ReadDateTime(string text)
    {
        if (TryDateTime(text, out var value)) return value;
        return DateTime.SpecifyKind(
            DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
    }

    private static bool TryDateTime(string text, out DateTime value)
    {
        value = default;
        if (text.Length < 19 || text.Length == 20 || text.Length > 27 || text[10] != ' ' || text[13] != ':' || text[16] != ':') return false;
        if (!TryDate(text, out var year, out var month, out var day) || day > DateTime.DaysInMonth(year, month)) return false;
        if (!TryNumber(text, 11, 2, out var hour) || !TryNumber(text, 14, 2, out var minute) || !TryNumber(text, 17, 2, out var second) ||
            hour > 23 || minute > 59 || second > 59) return false;
        long fraction = 0;
        if (text.Length > 19)
        {
            if (text[19] != '.' || !TryNumber(text, 20, text.Length - 20, out var digits)) return false;
            fraction = digits * FractionScale[text.Length - 20];
        }
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        return true;
    }

    private static bool TryDate(string text, out int year, out int month, out int day)
    {
        month = day = 0;
        return TryNumber(text, 0, 4, out year) & text[4] == '-' & TryNumber(text, 5, 2, out month) & text[7] == '-' & TryNumber(text, 8, 2, out day) &&
               year >= 1 && month is >= 1 and <= 12 && day >= 1;
    }

    private static bool TryNumber(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }
}
