using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Platform.Api.Json;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions.Security;
using Platform.Querying.Edm;
using Platform.Records;
using Platform.Records.Security;
using Platform.Runtime;

namespace Platform.Api.OData;

/// <summary>
/// The tenant's OData service root, <c>/api/{tenant}/data</c>: the service document there and the CSDL at
/// <c>$metadata</c>, both as the reader sees the model (see <see cref="EdmReaderModel"/>), so OData clients (Excel,
/// Power BI, odatajs) find the entity sets and read them through the list endpoint, <c>/data/{entity}</c>.
/// </summary>
internal static class ODataService
{
    public const string Version = "4.0";

    /// <summary>GET $metadata: CSDL XML, or CSDL JSON with <c>$format=json</c> (or an Accept of JSON without XML).</summary>
    public static IResult Metadata(HttpContext http)
    {
        var model = ReaderModel(http);
        http.Response.Headers["OData-Version"] = Version;
        IEnumerable<Microsoft.OData.Edm.Validation.EdmError> errors;
        if (WantsJson(http))
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
            using (var writer = new Utf8JsonWriter(buffer, RecordJsonValueWriter.WriterOptions))
                if (!CsdlWriter.TryWriteCsdl(model, writer, out errors)) throw Failed(errors);
            return Results.Bytes(buffer.WrittenSpan.ToArray(), "application/json; charset=utf-8");
        }
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            if (!CsdlWriter.TryWriteCsdl(model, writer, CsdlTarget.OData, out errors)) throw Failed(errors);
        return Results.Bytes(stream.ToArray(), "application/xml; charset=utf-8");
    }

    /// <summary>GET the service root: the entity sets the reader may read, each at its list URL (relative to the root).</summary>
    public static IResult ServiceDocument(HttpContext http)
    {
        var model = ReaderModel(http);
        http.Response.Headers["OData-Version"] = Version;
        return Records.RecordResponses.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", Root(http) + "/$metadata");
            writer.WriteStartArray("value");
            foreach (var set in model.EntityContainer.EntitySets())
            {
                writer.WriteStartObject();
                writer.WriteString("name", set.Name);
                writer.WriteString("kind", "EntitySet");
                writer.WriteString("url", set.Name);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// Whether a list answers as an OData client expects (an <c>@odata.context</c> first and the OData-Version
    /// header): when the request names an OData version, as OData clients do. Other callers get the plain list.
    /// </summary>
    public static bool IsODataClient(HttpContext http) =>
        http.Request.Headers.ContainsKey("OData-MaxVersion") || http.Request.Headers.ContainsKey("OData-Version");

    /// <summary>The context URL of a list of an entity: <c>{root}/$metadata#{entity}</c>.</summary>
    public static string ListContext(HttpContext http, string entity) => $"{Root(http)}/$metadata#{entity}";

    /// <summary>The context URL of one record: <c>{root}/$metadata#{entity}/$entity</c>.</summary>
    public static string EntityContext(HttpContext http, string entity) => $"{Root(http)}/$metadata#{entity}/$entity";

    /// <summary>The context URL of an $apply result, naming its values: <c>{root}/$metadata#{entity}(stage,total)</c>.</summary>
    public static string ApplyContext(HttpContext http, string entity, IEnumerable<string> aliases) =>
        $"{Root(http)}/$metadata#{entity}({string.Join(",", aliases)})";

    /// <summary>
    /// Marks the response as OData's when the caller is an OData client (<see cref="IsODataClient"/>); true when it did.
    /// </summary>
    public static bool Answer(HttpContext http)
    {
        if (!IsODataClient(http)) return false;
        http.Response.Headers["OData-Version"] = Version;
        return true;
    }

    /// <summary>
    /// A next link for OData clients: absolute, as clients that follow it with a plain HTTP request (odatajs, Power Query)
    /// need; other callers keep the path-absolute form.
    /// </summary>
    public static string NextLink(HttpContext http, string pathAndQuery) =>
        IsODataClient(http) ? $"{http.Request.Scheme}://{http.Request.Host}{pathAndQuery}" : pathAndQuery;

    /// <summary>The navigation property an expanded lookup is written under for OData clients.</summary>
    public static Func<string, string>? NavigationOf(HttpContext http) => IsODataClient(http) ? EdmModelBuilder.NavigationName : null;

    private static string Root(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/{http.Request.RouteValues["tenant"]}/data";

    private static IEdmModel ReaderModel(HttpContext http)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var actor = Security.RequestActor.Of(http);
        return EdmReaderModel.Build(EdmModelBuilder.GetOrBuild(runtime.Model), entity => Sight(runtime, actor, entity));
    }

    private static EdmEntitySight? Sight(TenantRuntime runtime, RecordActor actor, string entity)
    {
        if (runtime.FindEntity(entity) is null) return null;
        var access = RecordService.AccessOf(runtime, actor, entity);
        if (access.Scope(Privilege.Read) == PrivilegeScope.None) return null;
        return new EdmEntitySight(
            access.RestrictedFields.Where(f => f.Value.Read == FieldRead.None).Select(f => f.Key).ToHashSet(StringComparer.Ordinal),
            access.RestrictedFields.Where(f => f.Value.Read == FieldRead.Masked).Select(f => f.Key).ToHashSet(StringComparer.Ordinal));
    }

    private static bool WantsJson(HttpContext http)
    {
        var format = http.Request.Query["$format"].ToString();
        if (format.Length > 0) return format.StartsWith("json", StringComparison.OrdinalIgnoreCase) || format.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        var accept = http.Request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("xml", StringComparison.OrdinalIgnoreCase);
    }

    private static InvalidOperationException Failed(IEnumerable<Microsoft.OData.Edm.Validation.EdmError> errors) =>
        new($"The tenant's EDM model could not be written as CSDL: {string.Join("; ", errors)}");
}
