using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Storage.Records;

namespace Platform.Querying;

/// <summary>
/// An opaque, URL-safe keyset position: where the previous page ended, and for which query. It carries the sort
/// signature (entity, effective order, filter fingerprint) so it cannot be replayed against another sort or filter,
/// and the last row's sort values and id with their exact CLR types.
/// </summary>
/// <remarks>
/// Not signed: a hand-made token can only choose a starting position within the same filtered list, which a
/// client could express with $filter anyway. Values are typed and checked against the columns, and travel as parameters.
/// </remarks>
public sealed record ContinuationToken(string Entity, IReadOnlyList<OrderTerm> OrderBy, string FilterHash, IReadOnlyList<object?> Values)
{
    private const int FormatVersion = 1;

    /// <summary>The token for the page after <paramref name="lastRow"/>, which must hold every sort field and the id.</summary>
    public static string Encode(RecordQuery query, IReadOnlyDictionary<string, object?> lastRow)
    {
        var order = KeysetSqlWriter.FullOrder(query.OrderBy);
        // Written straight to UTF-8 (every list page with a next page makes one): the same JSON a node tree would give.
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteString("e", query.Entity);
            writer.WriteStartArray("o");
            foreach (var term in order) writer.WriteStringValue(term.Descending ? "-" + term.Field : term.Field);
            writer.WriteEndArray();
            writer.WriteString("f", FilterFingerprint.Of(query.Filter));
            writer.WriteStartArray("k");
            foreach (var term in order)
            {
                if (!lastRow.TryGetValue(term.Field, out var value))
                    throw new ArgumentException($"The row has no value for sort field '{term.Field}'.", nameof(lastRow));
                TaggedJsonValueCodec.Write(writer, value);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>The token for the page after <paramref name="page"/>, or null when it was the last one.</summary>
    public static string? Next(RecordQuery query, RecordPage page) =>
        page.HasMore && page.Rows.Count > 0 ? Encode(query, page.Rows[^1]) : null;

    /// <summary>Reads a token; throws <see cref="FormatException"/> when it is not one this class wrote.</summary>
    public static ContinuationToken Decode(string token)
    {
        if (token.Length > QueryLimits.MaxTokenLength) throw new FormatException("The continuation token is too long.");
        try
        {
            var document = JsonNode.Parse(Base64Url.DecodeFromChars(token)) as JsonObject ?? throw Malformed();
            if (document["v"] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != FormatVersion)
                throw new FormatException("Unknown continuation token format.");
            var order = Array(document["o"]).Select(Text)
                .Select(f => f.StartsWith('-') ? new OrderTerm(f[1..], true) : new OrderTerm(f)).ToList();
            var values = Array(document["k"]).Select(TaggedJsonValueCodec.Read).ToList();
            if (values.Count != order.Count) throw Malformed();
            return new ContinuationToken(Text(document["e"]), order, Text(document["f"]), values);
        }
        catch (Exception e) when (e is JsonException or OverflowException or ArgumentException)
        {
            throw Malformed(e);
        }
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Malformed();

    private static JsonArray Array(JsonNode? node) => node as JsonArray ?? throw Malformed();

    private static FormatException Malformed(Exception? inner = null) => new("Malformed continuation token.", inner);

    public static bool TryDecode(string token, [NotNullWhen(true)] out ContinuationToken? result)
    {
        try
        {
            result = Decode(token);
            return true;
        }
        catch (FormatException)
        {
            result = null;
            return false;
        }
    }

    /// <summary>Why this token cannot continue <paramref name="query"/>, or null when it can.</summary>
    public string? Mismatch(RecordQuery query)
    {
        if (Entity != query.Entity) return $"The continuation token belongs to a list of '{Entity}', not '{query.Entity}'.";
        if (!OrderBy.SequenceEqual(KeysetSqlWriter.FullOrder(query.OrderBy)))
            return "The continuation token was issued for a different $orderby; start again from the first page.";
        if (FilterHash != FilterFingerprint.Of(query.Filter))
            return "The continuation token was issued for a different $filter; start again from the first page.";
        return null;
    }
}
