using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Sweep;

/// <summary>
/// Malformed requests for every operation of an OpenAPI document: bad path ids and names, hostile query options,
/// bodies that are not JSON, not the right JSON or JSON with the wrong types (and lone surrogates), wrong content
/// types and headers, and missing or forged credentials. Random but seeded: the same seed sends the same requests.
/// </summary>
public sealed class MalformedRequests(JsonNode document, string basePath, SweepContext context, int seed)
{
    private readonly Random _random = new(seed);

    // No %00 in paths: Kestrel refuses it before the app sees it (and the test server cannot send it).
    public static readonly string[] BadIds =
        ["not-a-guid", "0", "-1", "00000000-0000-0000-0000-000000000000", "%2e%2e", "..%2F..%2Fetc", "'%20OR%20'1'%3D'1", "%F0%9F%92%A9",
         "null", "undefined", "{id}", new string('9', 400), "%ZZ", "%C0%AF", "12345678-1234-1234-1234-1234567890ab"];

    private static readonly string[] BadNames =
        ["NoSuch", "'%3B%20DROP%20TABLE%20account%3B--", "..", "%2F", "a%20b", new string('x', 300), "%F0%9F%98%80", "platform_audit", "sqlite_master", "%ZZ"];

    private static readonly string[] BadQueryValues =
        ["", " ", "'", "((", "))", "eq", "1 eq", "name eq 'x", "-1", "99999999999999999999", "abc", "$", "%00", "%ZZ", "%F0%9F%92%A9",
         "name,nosuch", "account($select=((", "account($expand=account)", "true", "maybe", new string('(', 500), "x/y/z eq 1",
         "contains(name,%27%5Cud800%27)", "name eq %27%ED%A0%80%27", "name eq %27a%00b%27", "a%00b", "tags/any(t:t eq 1)", "created_at gt 2024-13-45", "id in (1,2)"];

    private static readonly string[] ExtraOptions =
        ["$filter", "$orderby", "$top", "$skip", "$skiptoken", "$select", "$expand", "$count", "$search", "$apply", "$format", "$FILTER", "$", "$top"];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/xml",
         "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=utf-16", "application/merge-patch+json", "*/*", "garbage"];

    /// <summary>Bodies that are not the JSON an operation wants, whatever it wants.</summary>
    public static readonly IReadOnlyList<string> RawBodies =
        ["", " ", "{", "}", "[", "[]", "null", "true", "0", "1e400", "-0", "\"text\"", "{}", "{} trailing", "{\"a\":1,\"a\":2}", "{\"\\ud800\": 1}",
         "{\"name\": \"\\ud800\"}", "{\"name\": \"a\\u0000b\"}", "{\"username\": \"\\u0000\", \"password\": \"x\"}", "{\"\\u0000\": 1}", "{\"\\udfff\\ud800\": \"x\"}", "[{\"\\ud800\": null}]", "{\"records\": [null]}", "{\"records\": [1, \"x\", [], true]}",
         "{\"records\": null}", "{\"records\": {}}", "{\"mode\": 1, \"records\": []}", "{\"mode\": [], \"records\": []}", "{\"mode\": null, \"records\": []}",
         "{\"mode\": {\"a\": 1}, \"records\": [{}]}", "{\"mode\": \"upsert\", \"key\": 5, \"records\": [{}]}", "{\"mode\": \"upsert\", \"key\": \"nosuch\", \"records\": [{}]}",
         "{\"records\": [{\"\\ud800\": 1}]}", "{\"id\": 5}", "{\"id\": [\"x\"]}", "{\"owner\": {}}", "{\"user\": 1, \"team\": 2}", "{\"rights\": \"update\"}",
         "{\"rights\": [null, 1, {}]}", "{\"username\": 1, \"password\": []}", "{\"password\": null}", "{\"roles\": \"admin\"}", "{\"teams\": [1]}",
         "{\"manager_id\": \"x\"}", "{\"name\": \"" + new string('x', 100_000) + "\"}", new string('[', 10_000) + new string(']', 10_000),
         "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2001), "NaN", "Infinity", "{'single': 'quotes'}",
         "{\"a\": 1,}", "/* comment */ {}", "\uFEFF{}", "{\"created_at\": \"yesterday\"}", "{\"row_version\": \"1\"}"];

    /// <summary>Values of the wrong type (or hostile ones) for a body member.</summary>
    private static readonly JsonNode?[] BadValues =
    [
        null, 0, -1, 1.5, 1e300, true, "", " ", "\u0000", "x", "not-a-date", "2024-02-30", "99999-01-01T00:00:00Z",
        new string('y', 5000), new JsonArray(), new JsonArray(1, "a", null), new JsonObject(), new JsonObject { ["nested"] = new JsonObject() },
        "00000000-0000-0000-0000-000000000000", "1e400", long.MaxValue, decimal.MaxValue, "'; DROP TABLE account; --", "=HYPERLINK(\"x\")",
    ];

    private static readonly string[] BadIfMatch = ["garbage", "\"abc\"", "W/\"1\"", "*", "\"99999999999999999999999\"", "\"-1\"", "\"1\", \"2\"", "W/"];

    public IEnumerable<SweepRequest> For(int perOperation)
    {
        foreach (var (path, item) in document["paths"]!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
            foreach (var (method, operation) in item!.AsObject().OrderBy(o => o.Key, StringComparer.Ordinal))
                for (var i = 0; i < perOperation; i++)
                    yield return Build(path, method.ToUpperInvariant(), operation!.AsObject());
    }

    private SweepRequest Build(string path, string method, JsonObject operation)
    {
        var parameters = operation["parameters"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var url = new StringBuilder(basePath);
        url.Append(Path(path, parameters));
        url.Append(Query(parameters));
        var headers = new List<(string, string)>();
        foreach (var header in parameters.Where(p => (string?)p["in"] == "header"))
            if (Chance(0.5)) headers.Add(((string)header["name"]!, HeaderValue((string)header["name"]!)));
        if (Chance(0.1)) headers.Add(("If-Match", Pick(BadIfMatch)));

        byte[]? body = null;
        string? contentType = null;
        if (method is "POST" or "PATCH" or "PUT" || Chance(0.05))
        {
            var schema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"]);
            body = Encoding.UTF8.GetBytes(Body(schema));
            if (Chance(0.03)) body = [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00];
            if (Chance(0.03)) body = Encoding.Unicode.GetBytes("{\"name\": \"x\"}");
            contentType = Chance(0.05) ? null : Pick(ContentTypes);
        }
        var credentials = Credentials(headers);
        return new SweepRequest(method, url.ToString(), body, contentType, headers, credentials);
    }

    private string Path(string template, List<JsonObject> parameters)
    {
        var segments = template.Split('/');
        var entity = segments.Length > 2 && segments[1] == "data" ? segments[2] : null;
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i].Trim('{', '}');
            var parameter = parameters.FirstOrDefault(p => (string?)p["name"] == name && (string?)p["in"] == "path");
            var format = (string?)parameter?["schema"]?["format"];
            var values = parameter?["schema"]?["enum"]?.AsArray().Select(v => (string)v!).ToArray() ?? [];
            segments[i] = format == "uuid"
                ? Pick(0.6, () => context.IdFor(template, name, entity, _random), () => Chance(0.5) ? Guid.NewGuid().ToString() : Pick(BadIds))
                : Pick(0.5, () => values.Length > 0 ? Pick(values) : "x", () => Pick(BadNames));
        }
        return string.Join('/', segments);
    }

    private string Query(List<JsonObject> parameters)
    {
        var pairs = new List<string>();
        foreach (var parameter in parameters.Where(p => (string?)p["in"] == "query"))
            if (Chance(0.4)) pairs.Add($"{Uri.EscapeDataString((string)parameter["name"]!)}={QueryValue((string?)parameter["schema"]?["type"])}");
        while (Chance(0.25)) pairs.Add($"{Pick(ExtraOptions)}={Pick(BadQueryValues)}");
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private string QueryValue(string? type) => type == "integer" && Chance(0.3)
        ? Pick(["0", "1", "-1", "1001", "2147483648", "1.5", "1e3", " 5"])
        : Pick(BadQueryValues).Replace(" ", "%20", StringComparison.Ordinal).Replace("'", "%27", StringComparison.Ordinal);

    private string HeaderValue(string name) => name switch
    {
        "If-Match" => Pick(BadIfMatch),
        _ => Pick(["", "x", new string('k', 500), "key-" + _random.Next(), "\t", "a b"]),
    };

    /// <summary>Mostly the administrator's token (so requests get past authentication); sometimes the administrator's session cookie, none, or forged ones.</summary>
    private string Credentials(List<(string, string)> headers)
    {
        switch (_random.Next(10))
        {
            case 0:
                headers.Add(("Authorization", Pick(["Bearer garbage", "Bearer ", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Basic YTpi", "ApiKey pk_garbage", "ApiKey", "Negotiate x"])));
                return "forged";
            case 1:
                headers.Add((Pick(["X-Api-Key", "Cookie"]), Pick(["pk_" + new string('a', 40), "", "platform_session=garbage", "platform_session=" + new string('A', 2000)])));
                return "forged";
            case 2:
                return "anonymous";
            case 3 when context.SessionCookie is { } cookie:
                // The web client: a real session, with or without the header that unsafe cookie requests need.
                headers.Add(("Cookie", cookie));
                if (Chance(0.5)) headers.Add(("X-Requested-With", "XMLHttpRequest"));
                return "cookie";
            default:
                return "admin";
        }
    }

    /// <summary>A body: raw garbage, or the operation's schema filled in with one member broken.</summary>
    private string Body(JsonObject? schema)
    {
        if (schema is null || Chance(0.35)) return Pick(RawBodies.ToArray());
        var body = new JsonObject();
        var properties = Resolve(schema["properties"] as JsonObject) ?? new JsonObject();
        foreach (var (name, property) in properties)
            if (Chance(0.5)) body[name] = Plausible(Resolve(property as JsonObject));
        var names = properties.Select(p => p.Key).ToList();
        var broken = names.Count > 0 && Chance(0.85) ? Pick(names.ToArray()) : Pick([LoneSurrogate, "unknown_member", "", "owner", "id", "row_version", "owning_business_unit"]);
        body[broken] = Chance(0.1) ? LoneSurrogate : Pick(BadValues)?.DeepClone();
        if (Chance(0.15)) body[broken] = new JsonArray(Pick(BadValues)?.DeepClone(), null);
        // A lone surrogate cannot be written by a JSON writer; it is escaped into the text afterwards, as a client may send it.
        return body.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
    }

    private const string LoneSurrogate = "LONE-SURROGATE";

    /// <summary>A value that fits the schema's type (so the broken member is the one that is wrong).</summary>
    private JsonNode? Plausible(JsonObject? schema)
    {
        var type = schema?["type"] is JsonArray types ? (string?)types[0] : (string?)schema?["type"];
        if (schema?["enum"] is JsonArray values && values.Count > 0) return values[_random.Next(values.Count)]?.DeepClone();
        return type switch
        {
            "integer" => _random.Next(0, 10),
            "number" => 1.25,
            "boolean" => Chance(0.5),
            "array" => new JsonArray(schema?["items"] is JsonObject items ? Plausible(Resolve(items)) : "x"),
            "object" => new JsonObject(),
            _ => (string?)schema?["format"] switch
            {
                "uuid" => context.AnyId(_random).ToString(),
                "date" => "2024-05-06",
                "date-time" => "2024-05-06T07:08:09Z",
                "email" => "sweep@example.com",
                "uri" => "https://example.com",
                _ => "sweep",
            },
        };
    }

    private JsonObject? Resolve(JsonNode? schema)
    {
        for (var depth = 0; depth < 5 && schema?["$ref"] is JsonValue reference; depth++)
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        return schema as JsonObject;
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Pick(double p, Func<string> likely, Func<string> otherwise) => Chance(p) ? likely() : otherwise();
}
