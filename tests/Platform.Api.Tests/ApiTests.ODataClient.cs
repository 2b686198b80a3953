using System.Net;
using System.Net.Http.Headers;
using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using Microsoft.OData.UriParser;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// What an OData client library needs beyond reading rows: a CSDL that parses and validates, with navigation properties
/// for lookups; a context URL on lists, single records and $apply results; $count and an absolute next link the reader
/// hands back; expanded lookups under their navigation properties. Read with Microsoft.OData.Core's ODataMessageReader.
/// </summary>
public abstract partial class ApiTests
{
    /// <summary>One page as the OData reader reports it: its rows (each with the expanded records under their navigations), count and next link.</summary>
    private sealed record ODataPage(List<(ODataResource Row, Dictionary<string, ODataResource?> Expanded)> Rows, long? Count, Uri? NextLink);

    private static async Task<HttpResponseMessage> ODataGetAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json;odata.metadata=minimal"));
        var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        return response;
    }

    private static ODataMessageReader ODataReader(HttpResponseMessage response, Stream body, string tenant, IEdmModel model) =>
        new((IODataResponseMessageAsync)new ClientResponseMessage(response, body), new ODataMessageReaderSettings { BaseUri = new Uri(ServiceRoot(tenant)) }, model);

    /// <summary>Reads a page of an entity set at an absolute URL (a next link) or one relative to the service root.</summary>
    private static async Task<ODataPage> ReadPageAsync(HttpClient client, string tenant, IEdmModel model, string entitySet, string url)
    {
        var set = model.EntityContainer.FindEntitySet(entitySet);
        using var response = await ODataGetAsync(client, url.StartsWith("http", StringComparison.Ordinal) ? url : ServiceRoot(tenant) + url);
        using var reader = ODataReader(response, await response.Content.ReadAsStreamAsync(), tenant, model);
        var feed = await reader.CreateODataResourceSetReaderAsync(set, set.EntityType);
        var rows = new List<(ODataResource, Dictionary<string, ODataResource?>)>();
        ODataResourceSet? top = null;
        var depth = 0;
        string? navigation = null;
        Dictionary<string, ODataResource?> expanded = [];
        while (await feed.ReadAsync())
        {
            switch (feed.State)
            {
                case ODataReaderState.ResourceSetEnd when depth == 0: top = (ODataResourceSet)feed.Item; break;
                case ODataReaderState.ResourceStart: depth++; break;
                case ODataReaderState.NestedResourceInfoStart: navigation = ((ODataNestedResourceInfo)feed.Item).Name; break;
                case ODataReaderState.ResourceEnd when depth == 1:
                    depth--;
                    rows.Add(((ODataResource)feed.Item, expanded));
                    expanded = [];
                    break;
                case ODataReaderState.ResourceEnd:
                    depth--;
                    expanded[navigation!] = (ODataResource?)feed.Item;
                    break;
            }
        }
        return new ODataPage(rows, top?.Count, top?.NextPageLink);
    }

    [Fact]
    public async Task OData_csdl_parses_validates_and_has_a_navigation_per_visible_lookup()
    {
        var tenant = await Host.SharedAsync("odata-screens", () => Host.CreateTenantAsync(ODataScreensModule));
        var (clerk, _) = await Host.SharedAsync("odata-screens-clerk", () => Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]));

        foreach (var client in new[] { Client, clerk })
        {
            var model = await ReadMetadataAsync(client, tenant);
            Assert.True(model.Validate(out var errors), string.Join("; ", errors.Select(e => $"{e.ErrorCode}: {e.ErrorMessage}")));
            var contact = model.EntityContainer.FindEntitySet("contact");
            var account = Assert.Single(contact.EntityType.NavigationProperties(), n => n.Name == "account__ref");
            Assert.Equal("account", contact.FindNavigationTarget(account).Name);
            Assert.Equal("account", Assert.Single(account.ReferentialConstraint.PropertyPairs).DependentProperty.Name);
        }

        // CSDL JSON says the same.
        var json = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/data/$metadata?$format=json"), HttpStatusCode.OK);
        var navigation = json.GetProperty("crm").GetProperty("opportunity").GetProperty("account__ref");
        Assert.Equal("NavigationProperty", navigation.Str("$Kind"));
        Assert.Equal("crm.account", navigation.Str("$Type"));
    }

    [Fact]
    public async Task OData_client_pages_with_count_and_next_link_and_reads_expanded_lookups_under_their_navigations()
    {
        var tenant = await Host.CreateTenantAsync(ODataScreensModule);
        var acme = await CreateAccountAsync(tenant, "Acme");
        foreach (var name in new[] { "Ada", "Bea", "Cy", "Dee", "Eve" }) await CreateAsync(tenant, "contact", new { full_name = name, account = acme, email = $"{name}@example.com" });
        var (clerk, _) = await Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]);
        var model = await ReadMetadataAsync(clerk, tenant);
        const string query = "contact?$filter=full_name ne 'Bea'&$orderby=full_name&$top=2&$count=true&$expand=account__ref($select=name)";
        new ODataUriParser(model, new Uri(ServiceRoot(tenant)), new Uri(query, UriKind.Relative)).ParseUri();

        var names = new List<string>();
        var page = await ReadPageAsync(clerk, tenant, model, "contact", query);
        Assert.Equal(4, page.Count);
        while (true)
        {
            foreach (var (row, expanded) in page.Rows)
            {
                names.Add((string)Value(row, "full_name")!);
                Assert.Equal(acme, Value(row, "account"));
                Assert.Equal("Acme", Value(expanded["account__ref"]!, "name"));
                Assert.NotEqual($"{Value(row, "full_name")}@example.com", Value(row, "email"));
            }
            if (page.NextLink is null) break;
            Assert.True(page.NextLink.IsAbsoluteUri, page.NextLink.ToString());
            page = await ReadPageAsync(clerk, tenant, model, "contact", page.NextLink.AbsoluteUri);
        }
        Assert.Equal(["Ada", "Cy", "Dee", "Eve"], names);
    }

    [Fact]
    public async Task OData_client_reads_a_single_record_with_its_context_and_expanded_lookup()
    {
        var tenant = await Host.CreateTenantAsync(ODataScreensModule);
        var acme = await CreateAccountAsync(tenant, "Acme");
        var ada = (await CreateAsync(tenant, "contact", new { full_name = "Ada", account = acme })).Id();
        var model = await ReadMetadataAsync(Client, tenant);
        var set = model.EntityContainer.FindEntitySet("contact");

        foreach (var url in new[] { $"contact/{ada}", $"contact/{ada}?$expand=account" })
        {
            using var response = await ODataGetAsync(Client, ServiceRoot(tenant) + url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains($"\"@odata.context\":\"{ServiceRoot(tenant)}$metadata#contact/$entity\"", text);
            using var reader = ODataReader(response, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), tenant, model);
            var entry = await reader.CreateODataResourceReaderAsync(set, set.EntityType);
            // The record's own end comes last; an expanded record ends inside it.
            var ends = new List<ODataResource>();
            while (await entry.ReadAsync())
                if (entry.State == ODataReaderState.ResourceEnd) ends.Add((ODataResource)entry.Item);
            Assert.Equal(ada, Value(ends[^1], "id"));
            if (url.Contains("$expand")) Assert.Equal("Acme", Value(Assert.Single(ends[..^1]), "name"));
            else Assert.Single(ends);
        }
    }

    [Fact]
    public async Task OData_client_gets_a_context_on_an_apply_result_and_plain_callers_keep_their_shape()
    {
        var tenant = await Host.SharedAsync("odata-screens", () => Host.CreateTenantAsync(ODataScreensModule));
        var list = List(tenant, "opportunity", ("$apply", "groupby((stage),aggregate($count as n))/filter(n ge 1)"));

        using var odata = await ODataGetAsync(Client, list);
        var body = await ReadAsync(odata);
        var plain = await ExpectAsync(await Client.GetAsync(list), HttpStatusCode.OK);

        Assert.Equal($"{ServiceRoot(tenant)}$metadata#opportunity(stage,n)", body.Str("@odata.context"));
        Assert.False(plain.TryGetProperty("@odata.context", out _));
    }
}
