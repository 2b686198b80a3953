using System.Text.Json;

namespace Platform.Api.Tests.Sweep;

/// <summary>What the sweep demands of an answer: never 5xx, and a 4xx is an RFC 9457 problem document.</summary>
public static class SweepAnswers
{
    /// <summary>What keeps a 4xx answer from being an RFC 9457 problem document, or null.</summary>
    public static async Task<string?> ProblemDocumentMistakeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"with content type {response.Content.Headers.ContentType?.MediaType ?? "(none)"} instead of application/problem+json";
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            foreach (var member in new[] { "type", "title", "detail" })
                if (!root.TryGetProperty(member, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                    return $"problem without {member}: {text}";
            return root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == (int)response.StatusCode
                ? null
                : $"problem whose status is not the response's: {text}";
        }
        catch (JsonException)
        {
            return $"problem that is not JSON: {text}";
        }
    }
}
