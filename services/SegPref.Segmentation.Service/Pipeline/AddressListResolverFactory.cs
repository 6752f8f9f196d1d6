using Grpc.Net.Client.Balancer;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>
/// gRPC's <c>ipv4:</c> naming scheme (grpc/doc/naming.md): <c>ipv4:127.0.0.1:5201,127.0.0.1:5202</c> names a fixed
/// list of addresses, balanced round-robin like the addresses a <c>dns:///</c> name resolves to. `segpref mesh up
/// --replicas` gives the Pipeline its stage replicas this way (loopback replicas differ by port, which DNS cannot say).
/// </summary>
public sealed class AddressListResolverFactory : ResolverFactory
{
    public const string Scheme = "ipv4";

    public override string Name => Scheme;

    public override Resolver Create(ResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AddressListResolver(Parse(options.Address));
    }

    /// <summary>The addresses of an <c>ipv4:host:port[,host:port...]</c> URI.</summary>
    /// <exception cref="ArgumentException">Not that scheme, or an entry that is not an IPv4 address with a port.</exception>
    public static IReadOnlyList<BalancerAddress> Parse(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Scheme)
        {
            throw new ArgumentException($"{address}: expected {Scheme}:HOST:PORT[,HOST:PORT...].", nameof(address));
        }

        var list = address.OriginalString[(Scheme.Length + 1)..];
        var result = new List<BalancerAddress>();
        foreach (var entry in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.LastIndexOf(':');
            if (colon <= 0
                || !System.Net.IPAddress.TryParse(entry[..colon], out var ip)
                || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
                || !int.TryParse(entry[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
                || port is < 1 or > 65535)
            {
                throw new ArgumentException($"{address}: '{entry}' is not IPV4:PORT.", nameof(address));
            }

            result.Add(new BalancerAddress(ip.ToString(), port));
        }

        return result.Count > 0 ? result : throw new ArgumentException($"{address}: no addresses.", nameof(address));
    }
}
