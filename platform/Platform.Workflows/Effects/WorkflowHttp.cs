using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Workflows.Effects;

/// <summary>
/// Performs an HttpRequest activity's call under <see cref="WorkflowHttpPolicy"/>: redirects are followed by hand (at
/// most 5) so each hop's host is checked, and the connection goes only to resolved addresses the policy allows.
/// </summary>
public sealed class WorkflowHttp(WorkflowHttpPolicy policy)
{
    private const int MaxRedirects = 5;
    private const int MaxResponseChars = 64 * 1024;

    public async Task<WorkflowHttpResponse> SendAsync(string tenant, string method, Uri url, string? body, string? contentType, TimeSpan timeout, CancellationToken ct)
    {
        for (var hop = 0; ; hop++)
        {
            Check(tenant, url);
            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectCallback = (context, token) => ConnectAsync(tenant, context, token) };
            using var client = new HttpClient(handler) { Timeout = timeout };
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType ?? "application/json");
            using var response = await client.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= MaxRedirects) throw new WorkflowHttpRefusedException($"More than {MaxRedirects} redirects from {url}.");
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                // A 303 (and by convention 301/302 on POST) continues as a GET without body.
                if (status == 303 || (status is 301 or 302 && method != "GET")) (method, body) = ("GET", null);
                continue;
            }
            var text = await response.Content.ReadAsStringAsync(ct);
            return new WorkflowHttpResponse(status, text.Length > MaxResponseChars ? text[..MaxResponseChars] : text);
        }
    }

    /// <summary>Refuses a URL before any connection: not http(s), or a host off the tenant's allowlist.</summary>
    public void Check(string tenant, Uri url)
    {
        if (url.Scheme is not ("http" or "https")) throw new WorkflowHttpRefusedException($"Only http and https URLs may be called, not '{url.Scheme}'.");
        if (!policy.IsAllowedHost(tenant, url.Host)) throw new WorkflowHttpRefusedException($"The host '{url.Host}' is not on the tenant's HTTP allowlist.");
        if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal) && WorkflowHttpPolicy.IsNonPublic(literal) && !policy.MayReachPrivate(tenant, url.Host))
            throw new WorkflowHttpRefusedException($"The address {literal} is not public and not allowlisted for private access.");
    }

    private async ValueTask<Stream> ConnectAsync(string tenant, SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => !WorkflowHttpPolicy.IsNonPublic(a) || policy.MayReachPrivate(tenant, host)).ToList();
        if (allowed.Count == 0) throw new WorkflowHttpRefusedException($"'{host}' resolves only to addresses that are not public and not allowlisted for private access.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

public sealed record WorkflowHttpResponse(int Status, string Body);

/// <summary>The request was refused by the tenant's HTTP policy; nothing was sent.</summary>
public sealed class WorkflowHttpRefusedException(string message) : Exception(message);
