using System.Net.Http.Headers;

namespace Platform.Api.Tests.Sweep;

/// <summary>One request of the sweep, kept as data so a failure can say exactly what was sent.</summary>
public sealed record SweepRequest(string Method, string Url, byte[]? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers, string Credentials)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : " body: " + Preview(Body);
        var headers = Headers.Count == 0 ? "" : " headers: " + string.Join(", ", Headers.Select(h => $"{h.Name}: {h.Value}"));
        return $"{Method} {Url} [{Credentials}] content-type: {ContentType ?? "(none)"}{headers}{body}";
    }

    private static string Preview(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length <= 300 ? text : text[..300] + $"... ({body.Length} bytes)";
    }
}
