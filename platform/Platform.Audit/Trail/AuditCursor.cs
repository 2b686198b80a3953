using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Platform.Audit.Trail;

/// <summary>A keyset position in the newest-first order (time, then id): deep pages cost what the first one does.</summary>
public sealed record AuditCursor(DateTime OccurredAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{OccurredAt.Ticks.ToString(CultureInfo.InvariantCulture)}:{Id:N}"));

    /// <summary>The cursor a token stands for, or null when the token is not one this class wrote.</summary>
    public static AuditCursor? TryDecode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) &&
                   ticks is >= 0 and <= 3155378975999999999 && Guid.TryParseExact(parts[1], "N", out var id)
                ? new AuditCursor(new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
