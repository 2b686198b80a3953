using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Api.Tests.Support;

/// <summary>JSON bodies in and out, and the checks every problem document must pass.</summary>
public static class HttpJson
{
    /// <summary>An object serialized with property names as written (field names are snake_case); a string is sent as is.</summary>
    public static StringContent Body(object body) =>
        new(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status, then returns the body as JSON (failing with the body text when the status differs).</summary>
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>An RFC 9457 problem document: its media type, and type, title, status and detail members.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await ExpectAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>The JSON pointers of a validation problem's errors.</summary>
    public static IReadOnlyList<string> Pointers(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!).ToList();

    public static string Str(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"'{property}' is null.");

    public static Guid Id(this JsonElement record) => Guid.Parse(record.Str("id"));

    public static IReadOnlyList<JsonElement> Values(this JsonElement page) => page.GetProperty("value").EnumerateArray().ToList();
}
