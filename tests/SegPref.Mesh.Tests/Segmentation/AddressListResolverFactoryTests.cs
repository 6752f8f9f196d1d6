using SegPref.Segmentation.Service.Pipeline;

namespace SegPref.Mesh.Tests.Segmentation;

public sealed class AddressListResolverFactoryTests
{
    [Fact]
    public void Parse_TwoLoopbackReplicas_BothAddressesInOrder()
    {
        var addresses = AddressListResolverFactory.Parse(new Uri("ipv4:127.0.0.1:5201,127.0.0.1:5202"));

        Assert.Equal([("127.0.0.1", 5201), ("127.0.0.1", 5202)], addresses.Select(a => (a.EndPoint.Host, a.EndPoint.Port)));
    }

    [Theory]
    [InlineData("ipv4:127.0.0.1", "'127.0.0.1' is not IPV4:PORT")]
    [InlineData("ipv4:localhost:5201", "'localhost:5201' is not IPV4:PORT")]
    [InlineData("ipv4:127.0.0.1:0", "'127.0.0.1:0' is not IPV4:PORT")]
    [InlineData("ipv4:127.0.0.1:70000", "'127.0.0.1:70000' is not IPV4:PORT")]
    [InlineData("ipv4:127.0.0.1:5201,[::1]:5202", "'[::1]:5202' is not IPV4:PORT")]
    [InlineData("ipv4:,", "no addresses")]
    [InlineData("dns:///segpref-audio:5103", "expected ipv4:HOST:PORT")]
    public void Parse_Malformed_NamesTheEntry(string address, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => AddressListResolverFactory.Parse(new Uri(address)));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_IsTheGrpcScheme()
    {
        Assert.Equal("ipv4", new AddressListResolverFactory().Name);
    }
}
