using System.Net;

namespace HonchoBot.Host.Serve.Web;

/// <summary>Settings of the web front end, <c>/api/ask</c> and <c>/ask</c> (appsettings <c>Web</c>).</summary>
internal sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> header is believed. Empty (the default): the header
    /// is ignored and the connection's own address is the client, because anyone can send the header.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Every entry of <see cref="TrustedProxies"/> is an IP address.</summary>
    public bool HasValidProxies() => TrustedProxies.All(p => IPAddress.TryParse(p, out _));
}
