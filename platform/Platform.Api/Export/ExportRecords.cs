using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Api.Tenants;
using Platform.Metadata.Definitions;
using Platform.Querying;
using Platform.Records;
using Platform.Storage.Records;

namespace Platform.Api.Export;

/// <summary>
/// GET /data/{entity}/export: every record matching $filter, in $orderby order, as CSV (RFC 4180, UTF-8 with BOM so
/// spreadsheets read it as UTF-8), streamed in keyset pages so memory stays flat however many rows there are. Rows
/// come through <see cref="RecordService"/>, so an export shows exactly what the caller may read, masked as in the API.
/// </summary>
internal static class ExportRecords
{
    private const int PageSize = 1000;

    public static async Task<IResult> HandleAsync(HttpContext http, string entity, RecordService records)
    {
        var runtime = TenantEndpointFilter.Runtime(http);
        var definition = RecordService.Entity(runtime, entity);
        var options = QueryOptions.From(http.Request.Query
            .Where(q => q.Key is "$filter" or "$orderby" or "$select")
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));
        var translation = new ODataQueryTranslator(runtime.Model).Translate(entity, options);
        if (!translation.Succeeded) return ProblemResults.BadQuery(translation.Errors.Select(e => (e.Parameter, e.Message)));

        var columns = translation.Query.Select is { } select
            ? [SystemFields.Id, .. select.Where(f => f != SystemFields.Id)]
            : SystemFields.All.Concat(definition.Fields.Select(f => f.Name)).Distinct().ToList();
        var query = translation.Query with { Top = PageSize, Skip = 0, Count = CountMode.None, After = null };

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{entity}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        await using var text = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        // Injection is handled per value by CsvCellValueWriter (numbers must stay numbers); CsvHelper does the quoting.
        await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None });
        foreach (var column in columns) csv.WriteField(column);
        await csv.NextRecordAsync();

        var order = KeysetSqlWriter.FullOrder(query.OrderBy);
        while (true)
        {
            // Writes to a response whose client left do not fail: stop here rather than read the rest of the table.
            http.RequestAborted.ThrowIfCancellationRequested();
            var page = await records.QueryAsync(runtime, query, Security.RequestActor.Of(http), http.RequestAborted);
            foreach (var row in page.Rows)
            {
                foreach (var column in columns) csv.WriteField(CsvCellValueWriter.Format(row.GetValueOrDefault(column)));
                await csv.NextRecordAsync();
            }
            if (!page.HasMore || page.Rows.Count == 0) break;
            var last = page.Rows[^1];
            query = query with { After = order.Select(t => last.GetValueOrDefault(t.Field)).ToList() };
        }
        await csv.FlushAsync();
        return Results.Empty;
    }
}
