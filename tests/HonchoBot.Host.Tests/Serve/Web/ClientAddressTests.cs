using System.Net;
using HonchoBot.Host.Serve.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HonchoBot.Host.Tests.Serve.Web;

/// <summary>Which client a web request's rate limit belongs to, with and without trusted proxies.</summary>
public sealed class ClientAddressTests
{
    private static string KeyOf(string remote, string? forwardedFor = null, params string[] proxies)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return new ClientAddress(Options.Create(new WebOptions { TrustedProxies = [.. proxies] })).KeyOf(context);
    }

    [Fact]
    public void KeyOf_NoTrustedProxy_IgnoresForwardedFor() =>
        Assert.Equal("192.0.2.10", KeyOf("192.0.2.10", "198.51.100.1"));

    [Fact]
    public void KeyOf_IPv4MappedAddress_IsThePlainIPv4Address() =>
        Assert.Equal("192.0.2.10", KeyOf("::ffff:192.0.2.10"));

    [Fact]
    public void KeyOf_IPv6Clients_ShareOneKeyPerSlash64()
    {
        Assert.Equal("2001:db8:1:2::/64", KeyOf("2001:db8:1:2::1"));
        Assert.Equal(KeyOf("2001:db8:1:2::1"), KeyOf("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        Assert.NotEqual(KeyOf("2001:db8:1:2::1"), KeyOf("2001:db8:1:3::1"));
    }

    [Fact]
    public void KeyOf_FromATrustedProxy_IsTheRightMostHopThatIsNotAProxy()
    {
        Assert.Equal("203.0.113.5", KeyOf("10.0.0.2", "203.0.113.5", "10.0.0.2"));
        Assert.Equal("203.0.113.5", KeyOf("10.0.0.2", "192.0.2.66, 203.0.113.5", "10.0.0.2"));
        Assert.Equal("203.0.113.5", KeyOf("10.0.0.2", "192.0.2.66, 203.0.113.5, 10.0.0.1", "10.0.0.2", "10.0.0.1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("203.0.113.5, garbage")]
    public void KeyOf_FromATrustedProxyWithoutAReadableHop_IsTheProxy(string? forwardedFor) =>
        Assert.Equal("10.0.0.2", KeyOf("10.0.0.2", forwardedFor, "10.0.0.2"));
}
