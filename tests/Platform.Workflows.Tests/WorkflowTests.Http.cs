using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Workflows.Tests.Support;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task Http_request_to_loopback_is_refused_unless_the_tenant_allowlists_it_for_private_access()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = ServeOnceAsync(listener);
        var doc = Doc("call-home", [new { id = "call", type = "HttpRequest", url = $"http://127.0.0.1:{port}/ping", resultVariable = "response" }]);

        // Not on the allowlist at all.
        var plain = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        await PublishAsync(plain, doc);
        var refused = await StartAsync(plain, "call-home", new { });
        Assert.Equal("faulted", refused.Str("status"));
        Assert.Contains("not on the tenant's HTTP allowlist", (await InstanceAsync(plain, refused.GetProperty("id").GetGuid())).GetProperty("incidents")[0].Str("error"));

        // Listed, but loopback is not public and the host is not allowlisted for private access.
        var publicOnly = await Host.SharedAsync(WorkflowHost.PublicOnlyTenant, () => Host.CreateTenantAsync(WorkflowHost.PublicOnlyTenant));
        await PublishAsync(publicOnly, doc);
        var notPublic = await StartAsync(publicOnly, "call-home", new { });
        Assert.Equal("faulted", notPublic.Str("status"));
        Assert.Contains("not public", (await InstanceAsync(publicOnly, notPublic.GetProperty("id").GetGuid())).GetProperty("incidents")[0].Str("error"));

        // Allowlisted for private access: the call goes through.
        var allowed = await Host.SharedAsync(WorkflowHost.HttpTenant, () => Host.CreateTenantAsync(WorkflowHost.HttpTenant));
        await PublishAsync(allowed, doc);
        var called = await StartAsync(allowed, "call-home", new { });
        Assert.Equal("finished", called.Str("status"));
        var response = (await InstanceAsync(allowed, called.GetProperty("id").GetGuid())).GetProperty("variables").GetProperty("response");
        Assert.Equal(200, response.GetProperty("status").GetInt32());
        Assert.Equal("pong", response.GetProperty("body").GetProperty("answer").GetString());
        Assert.Equal(1, await served);
    }

    /// <summary>Answers one HTTP request with a small JSON body; returns how many requests it served (the refused ones never connect).</summary>
    private static async Task<int> ServeOnceAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await using var stream = client.GetStream();
        var buffer = new byte[4096];
        var read = 0;
        while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n")) read += await stream.ReadAsync(buffer.AsMemory(read));
        var body = "{\"answer\":\"pong\"}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
        return 1;
    }
}
