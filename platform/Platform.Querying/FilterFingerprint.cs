using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Storage.Records;

namespace Platform.Querying;

/// <summary>
/// A short hash of a filter's canonical form (fields, operators and typed values), so a continuation token
/// issued for one filter is not replayed against another.
/// </summary>
public static class FilterFingerprint
{
    public static string Of(FilterNode? filter)
    {
        var canonical = filter is null ? "" : Canonical(filter).ToJsonString();
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 12));
    }

    private static JsonNode Canonical(FilterNode node) => node switch
    {
        ComparisonNode c => new JsonArray("cmp", c.Field, c.Operator.ToString(), TaggedJsonValueCodec.Write(c.Value)),
        InNode i => new JsonArray("in", i.Field, new JsonArray(i.Values.Select(TaggedJsonValueCodec.Write).ToArray())),
        StringMatchNode s => new JsonArray("str", s.Field, s.Match.ToString(), s.Value),
        ListContainsAnyNode l => new JsonArray("any", l.Field, new JsonArray(l.Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())),
        AndNode a => new JsonArray("and", Canonical(a.Left), Canonical(a.Right)),
        OrNode o => new JsonArray("or", Canonical(o.Left), Canonical(o.Right)),
        NotNode n => new JsonArray("not", Canonical(n.Operand)),
        ConstantNode k => new JsonArray("const", k.Value),
        RelatedNode r => new JsonArray("rel", r.Lookup, r.Entity, Canonical(r.Where)),
        _ => throw new NotSupportedException($"Filter node {node.GetType().Name} is not supported."),
    };
}
