using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SoftTargets.Web.Hosting;

public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Behind a reverse proxy, the client's address and scheme come from X-Forwarded-For and X-Forwarded-Proto,
    /// believed only from the loopback address and the proxies and networks configured under ReverseProxy
    /// (<c>ReverseProxy:KnownProxies</c>, <c>ReverseProxy:KnownNetworks</c>: lists of addresses and CIDR ranges).
    /// </summary>
    public static void AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration.GetSection("ReverseProxy:KnownProxies"));
        var networks = Values(configuration.GetSection("ReverseProxy:KnownNetworks"));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies has \"{proxy}\", which is not an IP address."));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks has \"{network}\", which is not a CIDR range such as 10.0.0.0/8."));
        });
    }

    public static void UseReverseProxySupport(this WebApplication app) => app.UseForwardedHeaders();

    /// <summary>An environment variable holds one comma-separated list; appsettings may hold an array.</summary>
    private static List<string> Values(IConfigurationSection section) =>
        section.GetChildren().Select(child => child.Value).Append(section.Value)
            .SelectMany(value => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
}
