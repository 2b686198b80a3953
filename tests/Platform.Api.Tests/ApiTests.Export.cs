using System.Net;
using CsvHelper;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

public abstract partial class ApiTests
{
    [Fact]
    public async Task Export_streams_every_matching_record_as_csv_in_order_across_pages()
    {
        var tenant = await Host.CreateTenantAsync();
        var rows = Enumerable.Range(0, 2500).Select(i => new { name = $"Account {i:0000}", city = i % 2 == 0 ? "Berlin" : "Paris" }).ToList();
        await BulkAsync(tenant, "account", new { records = rows.Take(1000) });
        await BulkAsync(tenant, "account", new { records = rows.Skip(1000).Take(1000) });
        await BulkAsync(tenant, "account", new { records = rows.Skip(2000) });

        using var response = await Client.GetAsync(
            Data(tenant, "account") + "/export?$filter=" + Uri.EscapeDataString("city eq 'Berlin'") + "&$orderby=name desc&$select=name,city");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var table = await ReadCsvAsync(response);
        Assert.Equal(["id", "name", "city"], table[0]);
        var names = table.Skip(1).Select(r => r[1]).ToList();
        Assert.Equal(rows.Where(r => r.city == "Berlin").Select(r => r.name).OrderDescending(StringComparer.Ordinal), names);
        Assert.All(table.Skip(1), r => Assert.True(Guid.TryParse(r[0], out _)));
    }

    [Fact]
    public async Task Export_defuses_spreadsheet_formulas_in_text_but_keeps_numbers_as_numbers()
    {
        var tenant = await Host.CreateTenantAsync();
        var account = await CreateAccountAsync(tenant);
        await CreateAsync(tenant, "opportunity", new { name = "=HYPERLINK(\"http://evil\",\"x\")", account, amount = 5, probability = 10, notes = "@SUM(A1)" });
        await CreateAsync(tenant, "opportunity", new { name = " +cmd|' /C calc'!A0", account, amount = 0, notes = "-2+3" });
        await CreateAsync(tenant, "opportunity", new { name = "Plain deal", account, amount = 12.5 });

        using var response = await Client.GetAsync(Data(tenant, "opportunity") + "/export?$orderby=name&$select=name,amount,notes");
        var table = await ReadCsvAsync(response);

        Assert.Equal(["'" + " +cmd|' /C calc'!A0", "0", "'-2+3"], table[1][1..]);
        Assert.Equal(["'=HYPERLINK(\"http://evil\",\"x\")", "5", "'@SUM(A1)"], table[2][1..]);
        Assert.Equal(["Plain deal", "12.5", ""], table[3][1..]);
    }

    [Fact]
    public async Task Export_refuses_a_bad_filter_with_a_problem()
    {
        var tenant = await Host.CreateTenantAsync();

        var problem = await ExpectProblemAsync(await Client.GetAsync(Data(tenant, "account") + "/export?$filter=nope eq 1"), HttpStatusCode.BadRequest);

        Assert.Contains("$filter", problem.GetRawText());
    }

    private static async Task<List<string[]>> ReadCsvAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes)), System.Globalization.CultureInfo.InvariantCulture);
        var table = new List<string[]>();
        while (await reader.ReadAsync()) table.Add(reader.Parser.Record!);
        return table;
    }
}
