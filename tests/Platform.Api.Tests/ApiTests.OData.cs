using System.Net;
using System.Text.Json;
using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.UriParser;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// The OData service root as a real OData client library sees it: Microsoft.OData.Edm's CsdlReader parses $metadata, the
/// query URLs are checked against that model by ODataUriParser, and Microsoft.OData.Core's ODataMessageReader (the
/// reader under Microsoft.OData.Client) reads the list's rows against it.
/// </summary>
public abstract partial class ApiTests
{
    private static string ODataScreensModule => Path.Combine(RepositoryPaths.Root, "tests", "Platform.Api.Tests", "Modules", "screens");

    private static string ServiceRoot(string tenant) => $"http://localhost/api/{tenant}/data/";

    private static async Task<IEdmModel> ReadMetadataAsync(HttpClient client, string tenant)
    {
        using var response = await client.GetAsync($"/api/{tenant}/data/$metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        Assert.True(CsdlReader.TryParse(xml, out var model, out var errors), string.Join("; ", errors ?? []));
        return model;
    }

    /// <summary>GETs a query URL (relative to the service root) as an OData client does and reads its rows with ODataMessageReader.</summary>
    private static async Task<List<ODataResource>> ReadFeedAsync(HttpClient client, string tenant, IEdmModel model, string relative)
    {
        // The URL must make sense to the client's own parser over the served model.
        var parsed = new ODataUriParser(model, new Uri(ServiceRoot(tenant)), new Uri(relative, UriKind.Relative)).ParseUri();
        var set = ((EntitySetSegment)parsed.Path.FirstSegment).EntitySet;

        return (await ReadPageAsync(client, tenant, model, set.Name, relative)).Rows.Select(r => r.Row).ToList();
    }

    private static object? Value(ODataResource row, string name) =>
        row.Properties.OfType<ODataProperty>().SingleOrDefault(p => p.Name == name) is { } property ? property.Value : throw new KeyNotFoundException(name);

    [Fact]
    public async Task OData_metadata_is_the_readers_model_and_an_odata_client_reads_the_list_through_it()
    {
        var tenant = await Host.CreateTenantAsync(ODataScreensModule);
        var account = await CreateAccountAsync(tenant, "Acme");
        await CreateAsync(tenant, "contact", new { full_name = "Zoë Ünal", account, email = "zoe@example.com", birthday = "1990-02-28" });
        await CreateAsync(tenant, "contact", new { full_name = "Ada Lovelace", account, email = "ada@example.com" });
        await CreateAsync(tenant, "opportunity", new { name = "Big", account, stage = "won", amount = 1234.5m, close_date = "2026-01-31", tags = new[] { "key" } });
        var (clerk, _) = await Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]);

        var full = await ReadMetadataAsync(Client, tenant);
        var seen = await ReadMetadataAsync(clerk, tenant);

        // clerk: contact birthday hidden, e-mail masked, opportunity amount masked, leads not readable.
        Assert.NotNull(full.EntityContainer.FindEntitySet("lead"));
        Assert.Null(seen.EntityContainer.FindEntitySet("lead"));
        var contact = seen.EntityContainer.FindEntitySet("contact").EntityType;
        Assert.NotNull(full.EntityContainer.FindEntitySet("contact").EntityType.FindProperty("birthday"));
        Assert.Null(contact.FindProperty("birthday"));
        Assert.True(contact.FindProperty("email").Type.IsNullable);
        Assert.Equal("id", Assert.Single(contact.Key()).Name);
        Assert.Equal(EdmPrimitiveTypeKind.Guid, contact.FindProperty("account").Type.PrimitiveKind());

        // The client builds its URLs from the model and reads the rows back through it.
        var admins = await ReadFeedAsync(Client, tenant, full, "opportunity?$filter=amount gt 1000 and stage eq 'won'&$top=5");
        var deal = Assert.Single(admins);
        Assert.Equal("Big", Value(deal, "name"));
        Assert.Equal(1234.5m, Value(deal, "amount"));
        Assert.Equal("2026-01-31", Convert.ToString(Value(deal, "close_date") is DateOnly d ? d.ToString("yyyy-MM-dd") : Value(deal, "close_date"), System.Globalization.CultureInfo.InvariantCulture));

        var clerks = await ReadFeedAsync(clerk, tenant, seen, "contact?$filter=startswith(full_name,'Z')&$top=1&$orderby=full_name");
        var zoe = Assert.Single(clerks);
        Assert.Equal("Zoë Ünal", Value(zoe, "full_name"));
        Assert.NotEqual("zoe@example.com", Value(zoe, "email"));
        Assert.DoesNotContain(zoe.Properties.OfType<ODataProperty>(), p => p.Name == "birthday");
        Assert.Equal(2, (await ReadFeedAsync(clerk, tenant, seen, "contact?$top=10")).Count);
    }

    [Fact]
    public async Task OData_service_document_lists_the_readable_entity_sets_at_their_list_urls()
    {
        var tenant = await Host.SharedAsync("odata-screens", () => Host.CreateTenantAsync(ODataScreensModule));
        var (clerk, _) = await Host.SharedAsync("odata-screens-clerk", () => Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]));

        using var response = await clerk.GetAsync($"/api/{tenant}/data");
        var document = await ExpectAsync(response, HttpStatusCode.OK);

        Assert.EndsWith($"/api/{tenant}/data/$metadata", document.Str("@odata.context"));
        var sets = document.Values().ToDictionary(s => s.Str("name"), s => s.Str("url"));
        Assert.Equal("opportunity", sets["opportunity"]);
        Assert.DoesNotContain("lead", sets.Keys);
        foreach (var url in sets.Values) await ExpectAsync(await clerk.GetAsync($"/api/{tenant}/data/{url}?$top=1"), HttpStatusCode.OK);

        // The same document through the OData library's own service-document reader.
        var message = new ClientResponseMessage(response, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.GetRawText())));
        using var reader = new ODataMessageReader((IODataResponseMessageAsync)message, new ODataMessageReaderSettings(), await ReadMetadataAsync(clerk, tenant));
        var service = await reader.ReadServiceDocumentAsync();
        Assert.Contains(service.EntitySets, s => s.Name == "contact" && s.Url.AbsoluteUri == ServiceRoot(tenant) + "contact");
    }

    [Fact]
    public async Task OData_metadata_as_csdl_json_with_format_json()
    {
        var tenant = await Host.SharedAsync("odata-screens", () => Host.CreateTenantAsync(ODataScreensModule));
        var (clerk, _) = await Host.SharedAsync("odata-screens-clerk", () => Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]));

        var csdl = await ExpectAsync(await clerk.GetAsync($"/api/{tenant}/data/$metadata?$format=json"), HttpStatusCode.OK);

        Assert.Equal("4.0", csdl.Str("$Version"));
        var contact = csdl.GetProperty("crm").GetProperty("contact");
        Assert.True(contact.TryGetProperty("full_name", out _));
        Assert.False(contact.TryGetProperty("birthday", out _));
        Assert.True(csdl.GetProperty("crm").GetProperty("default").TryGetProperty("opportunity", out _));
    }

    [Fact]
    public async Task OData_metadata_of_another_tenant_is_refused()
    {
        var tenant = await Host.SharedAsync("odata-screens", () => Host.CreateTenantAsync(ODataScreensModule));
        var other = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var (clerk, _) = await Host.SharedAsync("odata-screens-clerk", () => Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]));

        using var response = await clerk.GetAsync($"/api/{other}/data/$metadata");

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, response.StatusCode.ToString());
    }

    /// <summary>An HTTP response as Microsoft.OData.Core reads it.</summary>
    private sealed class ClientResponseMessage(HttpResponseMessage response, Stream body) : IODataResponseMessageAsync
    {
        public IEnumerable<KeyValuePair<string, string>> Headers => response.Headers.Concat(response.Content.Headers)
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value)));

        public int StatusCode { get => (int)response.StatusCode; set => throw new NotSupportedException(); }

        public string GetHeader(string headerName) => Headers.FirstOrDefault(h => string.Equals(h.Key, headerName, StringComparison.OrdinalIgnoreCase)).Value;

        public void SetHeader(string headerName, string headerValue) => throw new NotSupportedException();

        public Stream GetStream() => body;

        public Task<Stream> GetStreamAsync() => Task.FromResult(body);
    }
}
