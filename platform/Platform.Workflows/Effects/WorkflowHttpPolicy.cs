using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Platform.Workflows.Effects;

/// <summary>
/// Which hosts a tenant's HttpRequest activities may call: only hosts on the tenant's allowlist
/// (<c>workflows:http-allow:{tenant}</c>, comma-separated), and an address that is loopback, link-local, private or
/// otherwise not public only when its host is also on <c>workflows:http-allow-private:{tenant}</c>. Checked on every
/// redirect hop and on the addresses a name resolves to at connect time, so DNS cannot smuggle in an internal address.
/// </summary>
public sealed class WorkflowHttpPolicy(IConfiguration configuration)
{
    public bool IsAllowedHost(string tenant, string host) =>
        List($"workflows:http-allow:{tenant}").Contains(host) || List($"workflows:http-allow-private:{tenant}").Contains(host);

    public bool MayReachPrivate(string tenant, string host) => List($"workflows:http-allow-private:{tenant}").Contains(host);

    private HashSet<string> List(string key) =>
        (configuration[key] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for addresses that are not on the public internet (loopback, private, link-local, CGNAT, unique-local, unspecified, multicast).</summary>
    public static bool IsNonPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) ||
               (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224;
    }
}
